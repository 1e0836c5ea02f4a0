// Chevrotain 11 ships as ES modules spread over many files (and lodash-es), which the test runner's
// CommonJS hook (tsx/cjs) cannot resolve and would transpile file by file. Its package also ships one
// self-contained bundle; we load that, typed by the package's own declarations. esbuild inlines it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chevrotain = require('../../node_modules/chevrotain/lib/chevrotain.mjs') as typeof import('chevrotain');

export const { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } = chevrotain;
export type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';

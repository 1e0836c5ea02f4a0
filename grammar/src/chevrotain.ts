// Chevrotain 11 ships as ES modules spread over many files (and lodash-es); tsx's CommonJS hook
// rewrites them into CommonJS that cannot resolve its sub-packages. Its package also ships one
// self-contained bundle; we load that, typed by the package's own declarations. esbuild inlines it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chevrotain = require('../../node_modules/chevrotain/lib/chevrotain.mjs') as typeof import('chevrotain');

export const { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } = chevrotain;
export type { ILexingResult, IOrAlt, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';

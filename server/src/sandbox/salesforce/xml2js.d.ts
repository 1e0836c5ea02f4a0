// The part of xml2js 0.6.2 (jsforce's own XML parser) the emulator's SOAP endpoint uses; the package ships no types.

declare module 'xml2js' {
  export interface ParserOptions {
    explicitArray?: boolean;
    tagNameProcessors?: ((name: string) => string)[];
  }
  export function parseStringPromise(xml: string, options?: ParserOptions): Promise<unknown>;
  export const processors: { stripPrefix(name: string): string };
}

// A request body already written as JSON text. The SDK's `apiRequest` runs `JSON.stringify` over an
// object body; a batch read of 1,000 contacts' associations made 1,000 input objects for it to walk, in
// the burst of reads at the end of a full fetch (issue 15: about 6 MB of the 45 MB the associations'
// read allocated at 100,000 contacts). Written directly, a batch's body is one string made from its ids.

export class JsonText {
  constructor(readonly text: string) {}
}

/** What the SDK's `apiRequest` is given for `body`: a JsonText as it is (with its JSON content type), anything else for the SDK to serialise. */
export function requestBody(body: unknown): { body?: unknown; defaultJson?: boolean; headers?: Record<string, string> } {
  if (body === undefined) return {};
  if (body instanceof JsonText) return { body: body.text, defaultJson: false, headers: { 'Content-Type': 'application/json' } };
  return { body };
}

/** `{"inputs":[{"id":"…"},…]}` for ids made of digits (record ids); undefined when an id is anything else (the caller then writes objects). */
export function idInputs(ids: readonly string[]): JsonText | undefined {
  for (const id of ids) if (!DIGITS.test(id)) return undefined;
  return new JsonText(ids.length === 0 ? '{"inputs":[]}' : `{"inputs":[{"id":"${ids.join('"},{"id":"')}"}]}`);
}

const DIGITS = /^\d+$/;

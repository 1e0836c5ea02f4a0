// jsforce's errors do not carry the HTTP status, but every user-facing message must name it. A thin
// wrapper around jsforce's own Transport notes the status of the response it delivered; one wrapper is
// made per call, so concurrent calls never see each other's status.

import type Transport from 'jsforce/lib/transport';

export interface SeenStatus {
  status?: number;
}

export function statusRecordingTransport(inner: Transport, seen: SeenStatus): Transport {
  const wrapper = Object.create(inner) as Transport;
  wrapper.httpRequest = (request, options) => {
    const pending = inner.httpRequest(request, options);
    pending.then((response) => { seen.status = response.statusCode; }, () => undefined);
    return pending;
  };
  return wrapper;
}

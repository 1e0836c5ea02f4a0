// Account information: `GET /account-info/v3/details`, the portal's id and time zone (the live
// preview keys its cache by the portal id: two portals behind the same API base never share it).

import { ok, route, type Route } from './http-kit';
import type { EmulatorState } from './state';
import { toWallTime } from './zoned-time';

export interface PortalIdentity {
  portalId: number;
}

export function accountRoutes(state: EmulatorState, identity: PortalIdentity): Route[] {
  return [
    route('GET', '/account-info/v3/details', () => {
      const now = state.now();
      const wall = toWallTime(now, state.timeZone);
      const offsetMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond) - now;
      return ok({
        portalId: identity.portalId,
        accountType: 'STANDARD',
        timeZone: state.timeZone,
        companyCurrency: 'USD',
        additionalCurrencies: [],
        utcOffset: offsetText(offsetMs),
        utcOffsetMilliseconds: offsetMs,
        uiDomain: 'app.hubspot.com',
        dataHostingLocation: 'na1',
      });
    }),
  ];
}

function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

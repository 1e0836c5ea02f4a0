// Properties v3 writes (`/crm/v3/properties/{objectType}[/{name}]`): read one property, create a custom
// property, update one (the options sent replace its options: send the whole list). HubSpot's "Create a
// property" and "Update a property" references; paths from paths.ts.

import type { PropertyDef } from '../../language/schema-types';
import type { Api } from './api';
import { HubSpotAccountError, toAccountError } from './errors';
import type { HubSpotAccount, Json } from './types';

type PropertiesPart = Pick<HubSpotAccount, 'getProperty' | 'createProperty' | 'updateProperty'>;

function asProperty(value: Json, host: string): PropertyDef {
  if (typeof value.name !== 'string' || typeof value.type !== 'string') throw toAccountError(new Error(`HubSpot at ${host} answered with a property without a name or type`), host);
  return { ...(value as unknown as PropertyDef), options: Array.isArray(value.options) ? (value.options as PropertyDef['options']) : [] };
}

export function propertiesApi(api: Api): PropertiesPart {
  return {
    getProperty: async (objectType, name) => {
      try {
        return asProperty(await api.call('GET', api.paths.property(objectType, name)), api.host);
      } catch (error) {
        if (error instanceof HubSpotAccountError && error.status === 404) return undefined;
        throw error;
      }
    },
    createProperty: async (objectType, body) => asProperty(await api.call('POST', api.paths.properties(objectType), body), api.host),
    updateProperty: async (objectType, name, body) => asProperty(await api.call('PATCH', api.paths.property(objectType, name), body), api.host),
  };
}

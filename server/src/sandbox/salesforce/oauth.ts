// POST /services/oauth2/token: the OAuth 2.0 username-password flow (grant_type=password), answered with
// Salesforce's success and error bodies.

import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-util';
import type { SalesforceOrgState } from './state';

type TokenError = { status: number; error: string; error_description: string };

export async function handleToken(req: IncomingMessage, res: ServerResponse, state: SalesforceOrgState, baseUrl: string): Promise<void> {
  const params = new URLSearchParams(await readBody(req));
  const problem = checkPasswordGrant(params, state);
  if (problem) {
    sendJson(res, problem.status, { error: problem.error, error_description: problem.error_description });
    return;
  }
  const id = `${baseUrl}/id/${state.organizationId}/${state.userId}`;
  const issuedAt = String(state.now().getTime());
  sendJson(res, 200, {
    access_token: state.issueToken(),
    instance_url: baseUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
    signature: createHmac('sha256', state.client.clientSecret).update(id + issuedAt).digest('base64'),
  });
}

function checkPasswordGrant(params: URLSearchParams, state: SalesforceOrgState): TokenError | undefined {
  const grant = params.get('grant_type');
  if (!grant) return { status: 400, error: 'invalid_request', error_description: 'grant type is missing' };
  if (grant !== 'password') return { status: 400, error: 'unsupported_grant_type', error_description: 'grant type not supported' };
  if (params.get('client_id') !== state.client.clientId) return { status: 400, error: 'invalid_client_id', error_description: 'client identifier invalid' };
  if (params.get('client_secret') !== state.client.clientSecret) return { status: 400, error: 'invalid_client', error_description: 'invalid client credentials' };
  const username = params.get('username') ?? '';
  const password = params.get('password') ?? '';
  const user = state.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user || password !== user.password + (user.securityToken ?? '')) {
    return { status: 400, error: 'invalid_grant', error_description: 'authentication failure' };
  }
  return undefined;
}

// One run of "count in HubSpot" for the CLI and the editor alike: the workspace's lists as publish sees
// them, the ones chosen, their references resolved with the target portal's state, then counted.

import type { HubSpotAccount } from '../hubspot/account/types';
import { countSelection, type CountSelection } from './count-requests';
import type { DesiredList } from './desired';
import { countInHubSpot, type CountOptions, type CountResult } from './hubspot-count';
import { desiredOf, PublishError, type PublishWorkspace } from './session';
import { readStateFile } from './state-file';

export interface CountRun {
  portalId: string;
  selection: CountSelection;
  result: CountResult;
}

export async function countWorkspaceLists(
  workspace: PublishWorkspace,
  account: HubSpotAccount,
  choose: (lists: DesiredList[]) => DesiredList[],
  options: CountOptions & { portalId?: string; onStart?: (count: number, portalId: string) => void },
): Promise<CountRun> {
  const desired = desiredOf(workspace);
  const lists = choose(desired.lists);
  const portalId = options.portalId ?? (await account.accountDetails()).portalId;
  const state = readStateFile(workspace.root);
  if (!state.ok) throw new PublishError(state.message);
  const selection = countSelection(lists, desired, state.state.portals[portalId], workspace.schema);
  if (selection.requests.length > 0) options.onStart?.(selection.requests.length, portalId);
  const result = await countInHubSpot(account, selection.requests, options);
  return { portalId, selection, result };
}

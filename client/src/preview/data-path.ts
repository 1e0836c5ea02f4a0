// The `hslist.contactData` value for a file the user picked: workspace-relative when the file is inside
// the folder (the setting then survives moving the folder), absolute otherwise.
import * as path from 'node:path';

export function settingValueFor(file: string, folder: string | undefined, pathApi: typeof path = path): string {
  if (!folder) return file;
  const relative = pathApi.relative(folder, file);
  const inside = relative !== '' && !relative.startsWith('..') && !pathApi.isAbsolute(relative);
  return inside ? relative.split(pathApi.sep).join('/') : file;
}

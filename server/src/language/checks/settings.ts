// Helpers shared by the list-settings and sync-settings checks.

import { type Setting, type SettingValue, diagnostic, type Diagnostic, settingValueString } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { replaceFixes } from './context';

/** The setting's value as lowercase text (`"Active"` and `active` both give "active"). */
export function settingWord(value: SettingValue | undefined): string | undefined {
  if (!value) return undefined;
  return settingValueString(value).trim().toLowerCase();
}

/** The setting's value as written (strings without quotes). */
export function settingText(value: SettingValue): string {
  return settingValueString(value);
}

/** `duplicate-setting` for every repeat of a key; `unknown-…-setting` for keys not in `known`. */
export function checkSettingKeys(settings: Setting[], known: readonly string[], unknownCode: string, where: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Setting>();
  for (const s of settings) {
    const key = s.key.text;
    const first = seen.get(key);
    if (first) {
      out.push(diagnostic('duplicate-setting', `\`${key}\` is already set earlier in this ${where}; only one value can apply.`, s.key));
      continue;
    }
    seen.set(key, s);
    if (known.includes(key)) continue;
    const suggestions = suggest(key, known.map((k) => ({ value: k })));
    const message = withDidYouMean(`Unknown ${where} setting \`${key}\`; known settings are ${known.map((k) => `\`${k}\``).join(', ')}`, suggestions);
    out.push(diagnostic(unknownCode, message, s.key, 'error', replaceFixes(s.key, suggestions)));
  }
  return out;
}

/** The first setting with this key. */
export function findSetting(settings: Setting[], key: string): Setting | undefined {
  return settings.find((s) => s.key.text === key);
}

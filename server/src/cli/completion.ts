// `hslist completion bash|zsh`: a completion script written from the same command table that parses
// the arguments, so a new option completes the day it exists. zsh runs the bash function through
// bashcompinit, which every zsh since 4.3 ships.

import { COMMANDS, type CommandSpec } from './command-specs';
import type { CliIo } from './context';

/** What follows a flag that takes a value: fixed words, files, or nothing to offer. */
const VALUE_WORDS: Record<string, string> = {
  format: 'text json github',
  data: 'hubspot',
  salesforce: 'org',
};
const FILE_VALUES = new Set(['data', 'salesforce', 'schema', 'out', 'before']);

/** The words a command takes in place of paths. */
const POSITIONAL_WORDS: Record<string, string> = {
  settings: 'show confirm',
  schema: 'pull',
  completion: 'bash zsh',
};
const TAKES_FILES = new Set(['check', 'fmt', 'compile', 'preview', 'sync-plan']);

export function runCompletion(shell: string, io: CliIo): number {
  if (shell === 'bash') io.out(bashScript());
  else if (shell === 'zsh') io.out(`autoload -U +X bashcompinit && bashcompinit\n${bashScript()}`);
  else {
    io.err(`hslist completion: no script for "${shell}": bash or zsh.\n`);
    return 2;
  }
  return 0;
}

export function bashScript(): string {
  const names = [...COMMANDS.map((c) => c.name), 'completion', 'help'];
  return `# hslist completion for bash (and zsh through bashcompinit). Source it: source <(hslist completion bash)
_hslist() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=\${COMP_WORDS[1]}
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${names.join(' ')} --help" -- "$cur"))
    return
  fi
  case "$command $prev" in
${valueCases().join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case "$command" in
${COMMANDS.map(optionsCase).join('\n')}
    esac
    return
  fi
  case "$command" in
${Object.entries(POSITIONAL_WORDS).map(([name, words]) => `      ${name}) COMPREPLY=($(compgen -W "${words}" -- "$cur")) ;;`).join('\n')}
      help) COMPREPLY=($(compgen -W "${COMMANDS.map((c) => c.name).join(' ')}" -- "$cur")) ;;
      ${[...TAKES_FILES].join('|')}) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.hslist' -- "$cur")) ;;
  esac
}
complete -o filenames -F _hslist hslist
`;
}

function valueCases(): string[] {
  const cases: string[] = [];
  for (const command of COMMANDS) {
    for (const option of command.options.filter((o) => o.value)) {
      const words = VALUE_WORDS[option.flag] ? `$(compgen -W "${VALUE_WORDS[option.flag]}" -- "$cur")` : '';
      const files = FILE_VALUES.has(option.flag) ? '$(compgen -f -- "$cur")' : '';
      // A value with nothing to offer still ends here: no option names where a value belongs.
      cases.push(`    "${command.name} --${option.flag}") COMPREPLY=(${[words, files].filter(Boolean).join(' ')}); return ;;`);
    }
  }
  return cases;
}

function optionsCase(command: CommandSpec): string {
  const flags = [...command.options.map((o) => `--${o.flag}`), '--help'];
  return `      ${command.name}) COMPREPLY=($(compgen -W "${flags.join(' ')}" -- "$cur")) ;;`;
}

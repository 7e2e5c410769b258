/**
 * Whether a named AWS profile exists, read from the shared config and credentials files the way the
 * SDK finds them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and
 * ~/.aws/credentials). The SDK itself answers an unknown profile with "Could not load credentials
 * from any providers", which does not tell a person that the name is the problem.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ProfileFiles {
  readonly config: string;
  readonly credentials: string;
}

export function profileFiles(env: NodeJS.ProcessEnv = process.env): ProfileFiles {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

/** The section names of an INI file ("[profile a]" in config reads as "a"); [] when the file is absent. */
function sections(file: string, isConfig: boolean): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/.exec(line);
    if (!m?.[1]) continue;
    const name = m[1];
    if (!isConfig) names.push(name);
    else if (name === 'default') names.push(name);
    else if (name.startsWith('profile ')) names.push(name.slice('profile '.length).trim());
  }
  return names;
}

/** Every profile name in the config and credentials files. */
export function knownProfiles(files: ProfileFiles = profileFiles()): string[] {
  return [...new Set([...sections(files.config, true), ...sections(files.credentials, false)])];
}

/** One sentence when `profile` is in neither file; undefined when it exists. */
export function unknownProfileProblem(profile: string, files: ProfileFiles = profileFiles()): string | undefined {
  const known = knownProfiles(files);
  if (known.includes(profile)) return undefined;
  const list = known.length > 0 ? ` Known profiles: ${known.join(', ')}.` : '';
  return `The AWS profile "${profile}" is not defined in ${files.config} or ${files.credentials}.${list}`;
}

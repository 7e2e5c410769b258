import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/lib/shell.js';

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('us-east-1')).toBe('us-east-1');
    expect(shellQuote('/home/ana/records')).toBe('/home/ana/records');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('my records')).toBe("'my records'");
    expect(shellQuote("ana's $HOME")).toBe("'ana'\\''s $HOME'");
  });

  it('reads back as the same word in a POSIX shell', () => {
    for (const word of ['', 'a b', "it's", '$(rm -rf /)', '`x`', 'a\nb', '"q"', '*', '{"Key":"v"}']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
    }
  });
});

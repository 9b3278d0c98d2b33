import { describe, expect, it } from 'vitest';
import {
  permissionChanges,
  permissionChangesOfArgv,
  splitCommands,
} from '../../src/dockerfile/shell.js';

describe('splitCommands', () => {
  it.each<[string, string[][]]>([
    ['a && b || c; d | e & f', [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]],
    ['a\nb\n\nc', [['a'], ['b'], ['c']]],
    ['echo "x && y" \'a;b\' c\\;d', [['echo', 'x && y', 'a;b', 'c;d']]],
    ['echo "" \'\' x', [['echo', '', '', 'x']]],
    ['echo "a \\"b\\" \\$c"', [['echo', 'a "b" $c']]],
    ['a 2>/dev/null >>log &>all 2>&1 <in b', [['a', 'b']]],
    ['a>out b', [['a', 'b']]],
    ['a # comment && b\nc', [['a'], ['c']]],
    ['echo a#b', [['echo', 'a#b']]],
    ['a \\\n  b', [['a', 'b']]],
    ['(a; b) |& c', [['a'], ['b'], ['c']]],
    ['cat <<EOF > f && d\nchmod 777 /\nEOF\ne', [['cat'], ['d'], ['e']]],
    ["cat <<-'X'\n\tchmod 777 /\n\tX\ne", [['cat'], ['e']]],
    ['echo ${A:-"b c"} $B', [['echo', '${A:-"b c"}', '$B']]],
  ])('%j', (script, words) => {
    expect(splitCommands(script).map((c) => c.words)).toEqual(words);
  });

  it.each([
    ['echo $(id -u)', true],
    ['echo "`id -u`"', true],
    ['echo $((1 + 2))', true],
    ['echo ${A:-$(x)}', true],
    ["echo 'unterminated", true],
    ['echo $A ${B}', false],
  ])('%j complex: %s', (script, complex) => {
    expect(splitCommands(script)[0]!.complex).toBe(complex);
  });

  it('command substitution does not split the text around it', () => {
    expect(splitCommands('a $(b; c) d; e').map((c) => c.words)).toEqual([
      ['a', '$(b; c)', 'd'],
      ['e'],
    ]);
  });
});

describe('permissionChanges', () => {
  it.each<[string, object[]]>([
    ['chown -R app /app', [{ program: 'chown', recursive: true, spec: 'app', paths: ['/app'] }]],
    ['chown app /app -R', [{ program: 'chown', recursive: true, spec: 'app', paths: ['/app'] }]],
    [
      'chmod -Rf 0755 -- -weird',
      [{ program: 'chmod', recursive: true, spec: '0755', paths: ['-weird'] }],
    ],
    ['chmod -w /etc/x', [{ program: 'chmod', recursive: false, spec: '-w', paths: ['/etc/x'] }]],
    ['chown --from 0:0 1000 /a', [{ spec: '1000', paths: ['/a'] }]],
    ['/usr/bin/sudo -E -u root chmod +x /a', [{ program: 'chmod', spec: '+x', paths: ['/a'] }]],
    ['FOO=1 chmod 600 /a', [{ spec: '600' }]],
    ['for f in a b; do chmod 644 $f; done', [{ spec: '644', paths: ['$f'] }]],
    ["bash -o pipefail -c 'chown app /a | cat'", [{ program: 'chown', paths: ['/a'] }]],
    ['./chown app /a', []],
    ['find /a -exec chmod 755 {} \\;', []],
    ['chown app', []],
    ['chown --reference=/b /a', []],
    ['chmod --recursive', []],
    ['chown "$(id -u)" /a', []],
    ["sh -c 'chown $(id -u) /a'", []],
  ])('%j', (script, changes) => {
    const found = permissionChanges(script);
    expect(found).toHaveLength(changes.length);
    expect(found).toMatchObject(changes);
  });

  it('exec form: the array is the command, and sh -c is followed', () => {
    expect(permissionChangesOfArgv(['chmod', '4755', '/x'])).toEqual([
      { program: 'chmod', recursive: false, spec: '4755', paths: ['/x'] },
    ]);
    expect(permissionChangesOfArgv(['/bin/sh', '-c', 'set -e; chown -R 1:1 /a'])).toEqual([
      { program: 'chown', recursive: true, spec: '1:1', paths: ['/a'] },
    ]);
    expect(permissionChangesOfArgv([])).toEqual([]);
  });
});

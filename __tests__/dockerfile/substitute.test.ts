import { describe, expect, it } from 'vitest';
import { substitute, SubstitutionError } from '../../src/dockerfile/substitute.js';

// Values are chosen so each row shows one rule: UID is set, EMPTY is set but empty, NOPE is unset.
const vars = {
  UID: '1654',
  EMPTY: '',
  HOME: '/home/app',
  PATH: '/usr/bin:/bin',
  FILE: 'app.tar.gz',
};

describe('substitute: variable references', () => {
  it.each([
    ['$UID', '1654', []],
    ['${UID}', '1654', []],
    ['${UID}:${UID}', '1654:1654', []],
    ['$UID_GID', '', ['UID_GID']], // a name runs on through letters, digits and _
    ['${HOME}_x', '/home/app_x', []],
    ['$NOPE', '', ['NOPE']],
    ['a${NOPE}b$NOPE', 'ab', ['NOPE']], // reported once
    ['$EMPTY', '', []], // set but empty is resolved
    ['cost: $', 'cost: $', []], // a lone $ stays
    ['$/x', '$/x', []],
    ['$1', '', ['1']],
  ])('%s → %j', (word, value, unresolved) => {
    expect(substitute(word, vars)).toEqual({ value, unresolved });
  });
});

describe('substitute: modifiers', () => {
  it.each([
    ['${UID:-1000}', '1654', []],
    ['${NOPE:-1000}', '1000', []], // a default that applies is not unresolved
    ['${EMPTY:-1000}', '1000', []], // `:-` treats empty as unset
    ['${EMPTY-1000}', '', []], // `-` only replaces unset
    ['${NOPE-1000}', '1000', []],
    ['${UID:+set}', 'set', []],
    ['${NOPE:+set}', '', []],
    ['${EMPTY:+set}', '', []],
    ['${EMPTY+set}', 'set', []],
    ['${NOPE:-$HOME/bin}', '/home/app/bin', []], // defaults may use variables
    ['${NOPE:-${ALSO_NOPE:-x}}', 'x', []],
    ['${NOPE:-$ALSO_NOPE}', '', ['ALSO_NOPE']],
    ['${UID:-$ALSO_NOPE}', '1654', []], // the unused default is not looked at
    ['${NOPE:?must be set}', '', ['NOPE']], // the builder fails here; we report it
    ['${UID?}', '1654', []],
    ['${FILE#*.}', 'tar.gz', []],
    ['${FILE##*.}', 'gz', []],
    ['${FILE%.*}', 'app.tar', []],
    ['${FILE%%.*}', 'app', []],
    ['${PATH/bin/sbin}', '/usr/sbin:/bin', []],
    ['${PATH//bin/sbin}', '/usr/sbin:/sbin', []],
  ])('%s → %j', (word, value, unresolved) => {
    expect(substitute(word, vars)).toEqual({ value, unresolved });
  });
});

describe('substitute: quotes and escapes', () => {
  it.each([
    ['\\$UID', '\\', '$UID'],
    ['\\${UID}', '\\', '${UID}'],
    ['a\\ b', '\\', 'a b'],
    ["'$UID'", '\\', '$UID'], // single quotes are literal
    ['"$UID x"', '\\', '1654 x'], // double quotes expand
    ['"\\$UID"', '\\', '$UID'],
    ['"a\\b"', '\\', 'a\\b'], // inside double quotes only " $ and the escape can be escaped
    ['`$UID', '`', '$UID'], // with `# escape=\``
    ['C:\\app', '`', 'C:\\app'], // backslash is ordinary then
    ['\\$UID', '`', '\\1654'],
  ])('%s with escape %s → %j', (word, escape, value) => {
    expect(substitute(word, vars, escape).value).toBe(value);
  });

  it('accepts a Map as well as a record', () => {
    expect(substitute('$A', new Map([['A', 'b']]))).toEqual({ value: 'b', unresolved: [] });
  });
});

describe('substitute: syntax errors the builder also rejects', () => {
  it.each([
    ['${UID', /missing '}'/],
    ['${}', /bad substitution/],
    ['${:-x}', /bad substitution/],
    ['${UID!x}', /unsupported modifier \(!\)/],
    ['${UID:#x}', /unsupported modifier \(:#\)/],
    ["'open", /single quote/],
    ['"open', /double quote/],
  ])('%s', (word, message) => {
    expect(() => substitute(word, vars)).toThrow(SubstitutionError);
    expect(() => substitute(word, vars)).toThrow(message);
  });
});

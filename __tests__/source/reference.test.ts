import { describe, expect, it } from 'vitest';
import {
  isImageReference,
  describeImageRef,
  imageMatches,
  parseImageRef,
  type ImageRef,
} from '../../src/source/reference.js';

const DIGEST = `sha256:${'a1'.repeat(32)}`;
const OTHER_DIGEST = `sha256:${'b2'.repeat(32)}`;

describe('image references, normalised as docker does', () => {
  it.each<[string, ImageRef]>([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null }],
    [
      'docker.io/library/nginx:1.27',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: null },
    ],
    [
      'index.docker.io/nginx',
      { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', digest: null },
    ],
    ['org/app:v2', { registry: 'docker.io', repository: 'org/app', tag: 'v2', digest: null }],
    [
      'localhost:5000/app:pr',
      { registry: 'localhost:5000', repository: 'app', tag: 'pr', digest: null },
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest', digest: null }],
    [
      '127.0.0.1:5000/app',
      { registry: '127.0.0.1:5000', repository: 'app', tag: 'latest', digest: null },
    ],
    ['[::1]:5000/app:1', { registry: '[::1]:5000', repository: 'app', tag: '1', digest: null }],
    [
      `ghcr.io/org/app@${DIGEST}`,
      { registry: 'ghcr.io', repository: 'org/app', tag: null, digest: DIGEST },
    ],
    [
      `ghcr.io/org/app:1.0@${DIGEST}`,
      { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: DIGEST },
    ],
    [
      'myregistry:5000/a/b/c:tag',
      { registry: 'myregistry:5000', repository: 'a/b/c', tag: 'tag', digest: null },
    ],
    [
      'a__b/c--d.e_f:T_1.x-y',
      { registry: 'docker.io', repository: 'a__b/c--d.e_f', tag: 'T_1.x-y', digest: null },
    ],
    // A single component is never a registry: this is the image "localhost" with tag 5000.
    [
      'localhost:5000',
      { registry: 'docker.io', repository: 'library/localhost', tag: '5000', digest: null },
    ],
    // Namespaces are lowercase, so docker takes an uppercase first component for a registry.
    ['UPPER/case', { registry: 'UPPER', repository: 'case', tag: 'latest', digest: null }],
  ])('%s', (ref, parsed) => {
    expect(parseImageRef(ref)).toEqual(parsed);
  });

  it.each([
    ['an uppercase repository', 'Nginx'],
    ['an uppercase path component', 'docker.io/UPPER/case'],
    ['an uppercase name under a namespace', 'org/Repo'],
    ['a space', 'a b'],
    ['nothing', ''],
    ['an empty tag', 'nginx:'],
    ['a tag of 129 characters', `nginx:${'t'.repeat(129)}`],
    ['a repository of 256 characters', `ghcr.io/${'a/'.repeat(127)}ab`],
    ['a short digest', 'nginx@sha256:abc'],
    ['an uppercase digest', `nginx@sha256:${'A1'.repeat(32)}`],
    ['an unknown digest algorithm', `nginx@md5:${'a1'.repeat(16)}`],
    ['an algorithm named like an object property', `nginx@constructor:${'a1'.repeat(16)}`],
    ['an empty digest', 'nginx@'],
    ['a bare image ID', 'a1'.repeat(32)],
    ['no name', ':tag'],
    ['a leading separator', '-nginx'],
    ['an empty path component', 'org//app'],
    ['a port that is not a number', 'ghcr.io:https/app'],
  ])('refuses %s', (_, ref) => {
    expect(parseImageRef(ref)).toBeNull();
  });

  it('takes a repository of up to 255 characters', () => {
    const repository = `${'a/'.repeat(127)}a`;
    expect(parseImageRef(`ghcr.io/${repository}`)).toEqual({
      registry: 'ghcr.io',
      repository,
      tag: 'latest',
      digest: null,
    });
  });

  it('describes a reference in full', () => {
    expect(describeImageRef(parseImageRef('nginx')!)).toBe('docker.io/library/nginx:latest');
    expect(describeImageRef(parseImageRef(`ghcr.io/org/app@${DIGEST}`)!)).toBe(
      `ghcr.io/org/app@${DIGEST}`,
    );
    expect(describeImageRef(parseImageRef(`ghcr.io/org/app:1.0@${DIGEST}`)!)).toBe(
      `ghcr.io/org/app:1.0@${DIGEST}`,
    );
  });
});

describe("whether a container's image is the checked image", () => {
  const none = { refs: [], digests: [] };

  it('matches the same repository and tag, however either is written', () => {
    expect(imageMatches('nginx', { ...none, refs: ['docker.io/library/nginx:latest'] })).toBe(true);
    expect(imageMatches('index.docker.io/library/app:pr', { ...none, refs: ['app:pr'] })).toBe(
      true,
    );
    expect(imageMatches('app:pr', { ...none, refs: ['app:main'] })).toBe(false);
    expect(imageMatches('org/app:pr', { ...none, refs: ['app:pr'] })).toBe(false);
    expect(imageMatches('ghcr.io/org/app:pr', { ...none, refs: ['org/app:pr'] })).toBe(false);
  });

  it('matches a container pinned to a digest by that digest only, in the same repository', () => {
    const pinned = `ghcr.io/org/app@${DIGEST}`;
    expect(imageMatches(pinned, { refs: ['ghcr.io/org/app:1.0'], digests: [pinned] })).toBe(true);
    expect(imageMatches(pinned, { ...none, refs: [`ghcr.io/org/app:1.0@${DIGEST}`] })).toBe(true);
    expect(imageMatches(pinned, { ...none, digests: [`ghcr.io/org/other@${DIGEST}`] })).toBe(false);
    expect(imageMatches(pinned, { ...none, digests: [`ghcr.io/org/app@${OTHER_DIGEST}`] })).toBe(
      false,
    );
    // The runtime pulls the digest and ignores the tag: the same tag is not the same image.
    expect(
      imageMatches(`ghcr.io/org/app:1.0@${OTHER_DIGEST}`, {
        refs: ['ghcr.io/org/app:1.0'],
        digests: [pinned],
      }),
    ).toBe(false);
    // A tag alone says nothing about which digest it points to.
    expect(imageMatches('ghcr.io/org/app:1.0', { ...none, digests: [pinned] })).toBe(false);
  });

  it('matches any tag or digest of a repository given without a tag', () => {
    const checked = { ...none, anyTagOf: ['ghcr.io/org/app'] };
    expect(imageMatches('ghcr.io/org/app:1.0', checked)).toBe(true);
    expect(imageMatches('ghcr.io/org/app', checked)).toBe(true);
    expect(imageMatches(`ghcr.io/org/app@${DIGEST}`, checked)).toBe(true);
    expect(imageMatches('ghcr.io/org/app2:1.0', checked)).toBe(false);
    expect(imageMatches('docker.io/org/app:1.0', checked)).toBe(false);
    expect(imageMatches('app:1.0', { ...none, anyTagOf: ['docker.io/library/app'] })).toBe(true);
  });

  it('matches nothing when the container image is not a reference', () => {
    expect(imageMatches('Nginx', { ...none, refs: ['nginx'], anyTagOf: ['nginx'] })).toBe(false);
    expect(imageMatches('', { ...none, anyTagOf: ['nginx'] })).toBe(false);
  });
});

describe('isImageReference: what may be passed to docker as an image', () => {
  it.each([
    'app',
    'app:1.0',
    'org/app:pr-42',
    'ghcr.io/org/app:1.0',
    'localhost:5000/app',
    '127.0.0.1:5002/private/app:1',
    `ghcr.io/org/app@${'sha256:' + 'a'.repeat(64)}`,
    `sha256:${'0'.repeat(64)}`,
    'f'.repeat(64),
    '0ed169b3353a',
  ])('%s: yes', (text) => {
    expect(isImageReference(text)).toBe(true);
  });

  it.each([
    '',
    '-f {{.Os}}',
    '--help',
    '-',
    'App:1',
    'app:1 extra',
    'app:',
    'app@sha256:short',
    'a'.repeat(256),
  ])('%j: no', (text) => {
    expect(isImageReference(text)).toBe(false);
  });
});

/** Linux capability numbers (linux/capability.h), for readable evidence. */
const NAMES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
];

/** `00000000a80425fb` → `CHOWN, DAC_OVERRIDE, …`. */
export function capabilityNames(hex: string): string[] {
  const mask = BigInt(`0x${hex || '0'}`);
  const names: string[] = [];
  for (let bit = 0; bit < 64; bit++) {
    if ((mask >> BigInt(bit)) & 1n) names.push(NAMES[bit] ?? `CAP_${bit}`);
  }
  return names;
}

/**
 * The permitted set of a `security.capability` xattr (struct vfs_cap_data,
 * little-endian: magic_etc, then permitted/inheritable pairs of 32 bits).
 */
export function fileCapabilityNames(hex: string): string[] {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length < 12) return [];
  const low = bytes.readUInt32LE(4);
  const high = bytes.length >= 20 ? bytes.readUInt32LE(12) : 0;
  const mask = (BigInt(high) << 32n) | BigInt(low);
  return capabilityNames(mask.toString(16));
}

/**
 * Whether an image's platform (`os/arch[/variant]`) is the one asked for: `linux/arm64`
 * asked is met by `linux/arm64` and `linux/arm64/v8`.
 */
export function isPlatform(imagePlatform: string, asked: string): boolean {
  return `${imagePlatform}/`.startsWith(`${asked}/`);
}

// Minimal types for piexifjs (test-only).
declare module 'piexifjs' {
  const piexif: {
    dump(exif: Record<string, Record<number, unknown>>): string
    insert(exif: string, jpeg: string): string
    ImageIFD: Record<string, number>
    GPSIFD: Record<string, number>
  }
  export default piexif
}

// The part of pngjs (a dependency of qrcode) that scripts/make-tab-icons.ts and the poster tests use.
declare module 'pngjs' {
  export class PNG {
    constructor(options: { width: number; height: number })
    width: number
    height: number
    data: Buffer
    static sync: { write(png: PNG): Buffer; read(buffer: Buffer): PNG }
  }
}

/**
 * The part of picomatch 2 (which ships no types) that fs/discover.ts uses. It is required on
 * first use rather than imported, so this file holds only its type.
 */
export interface Picomatch {
  (glob: string, options?: { dot?: boolean }): (path: string) => boolean;
  scan(glob: string): {
    /** The static folder the glob starts in ('' for none). */
    base: string;
    /** The rest of the glob, after base. */
    glob: string;
    isGlob: boolean;
  };
}

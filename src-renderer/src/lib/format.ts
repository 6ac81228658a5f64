/** How durations and sizes read everywhere in the page. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export const kibibytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

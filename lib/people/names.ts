/** The name people are addressed by in Waymark's text: the first word of their full name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

/** Fills {placeholders} in a UI string from the server: fill('Score: {score}%', { score: 80 }). */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** What the global setup hands to every browser test through `inject()`. */
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demo: { password: string; totpSecrets: Record<string, string> };
    outboxDir: string;
  }
}

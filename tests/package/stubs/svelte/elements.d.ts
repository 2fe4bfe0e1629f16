// The two declarations of svelte/elements (Svelte 5) that README's Svelte snippet augments.
// tests/e2e/package.test.mjs copies it to node_modules/svelte next to the installed package.
export interface HTMLAttributes<T extends EventTarget> {
  class?: string | undefined | null;
  id?: string | undefined | null;
  title?: string | undefined | null;
  onclick?: ((event: MouseEvent & { currentTarget: EventTarget & T }) => unknown) | undefined | null;
}

export interface SvelteHTMLElements {
  div: HTMLAttributes<HTMLDivElement>;
  [name: string]: { [name: string]: unknown };
}

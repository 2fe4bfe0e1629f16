// The few declarations of @types/react 19 that README's TypeScript snippets use, written the
// way @types/react writes them (an `export =` namespace holding `JSX`, augmentable with
// `declare module "react"`), so a snippet type-checks here as in a Vite React + TypeScript
// app without installing React. tests/e2e/package.test.mjs copies it to
// node_modules/@types/react next to the installed package.
export = React;
export as namespace React;

declare const UNDEFINED_VOID_ONLY: unique symbol;

declare namespace React {
  type Key = string | number | bigint;
  interface RefObject<T> {
    current: T;
  }
  type RefCallback<T> = (instance: T | null) => void | (() => void);
  type Ref<T> = RefCallback<T> | RefObject<T | null> | null;
  interface Attributes {
    key?: Key | null | undefined;
  }
  interface RefAttributes<T> extends Attributes {
    ref?: Ref<T> | undefined;
  }
  interface ClassAttributes<T> extends RefAttributes<T> {}
  interface ReactElement<P = unknown> {
    type: unknown;
    props: P;
    key: string | null;
  }
  type ReactNode = ReactElement | string | number | bigint | Iterable<ReactNode> | boolean | null | undefined;
  interface DOMAttributes<T> {
    children?: ReactNode | undefined;
    onClick?: ((event: MouseEvent & { currentTarget: T }) => void) | undefined;
  }
  interface HTMLAttributes<T> extends DOMAttributes<T> {
    className?: string | undefined;
    hidden?: boolean | undefined;
    id?: string | undefined;
    lang?: string | undefined;
    role?: string | undefined;
    style?: Record<string, string | number> | undefined;
    tabIndex?: number | undefined;
    title?: string | undefined;
  }
  type DetailedHTMLProps<E extends HTMLAttributes<T>, T> = ClassAttributes<T> & E;

  // An effect's cleanup returns nothing: a Promise is not a Destructor.
  type Destructor = () => void | { [UNDEFINED_VOID_ONLY]: never };
  type EffectCallback = () => void | Destructor;
  type DependencyList = readonly unknown[];
  function useEffect(effect: EffectCallback, deps?: DependencyList): void;
  function useRef<T>(initialValue: T): RefObject<T>;
  function useRef<T>(initialValue: T | null): RefObject<T | null>;
  function useRef<T>(initialValue: T | undefined): RefObject<T | undefined>;

  namespace JSX {
    interface Element extends ReactElement<any> {}
    interface ElementAttributesProperty {
      props: {};
    }
    interface ElementChildrenAttribute {
      children: {};
    }
    interface IntrinsicAttributes extends Attributes {}
    interface IntrinsicClassAttributes<T> extends RefAttributes<T> {}
    interface IntrinsicElements {
      div: DetailedHTMLProps<HTMLAttributes<HTMLDivElement>, HTMLDivElement>;
      p: DetailedHTMLProps<HTMLAttributes<HTMLParagraphElement>, HTMLParagraphElement>;
      section: DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;
    }
  }
}

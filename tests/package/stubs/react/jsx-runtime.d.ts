// `jsx: react-jsx` reads JSX from here, as @types/react 19's jsx-runtime.d.ts declares it.
import * as React from "./";
export {};

type ReactElement = React.ReactElement;

export namespace JSX {
  interface Element extends React.JSX.Element {}
  interface ElementAttributesProperty extends React.JSX.ElementAttributesProperty {}
  interface ElementChildrenAttribute extends React.JSX.ElementChildrenAttribute {}
  interface IntrinsicAttributes extends React.JSX.IntrinsicAttributes {}
  interface IntrinsicClassAttributes<T> extends React.JSX.IntrinsicClassAttributes<T> {}
  interface IntrinsicElements extends React.JSX.IntrinsicElements {}
}

export function jsx(type: unknown, props: unknown, key?: React.Key): ReactElement;
export function jsxs(type: unknown, props: unknown, key?: React.Key): ReactElement;
export const Fragment: unique symbol;

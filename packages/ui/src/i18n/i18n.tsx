import { createContext, type ReactNode, useContext, useMemo } from 'react';

/**
 * All interface text lives in message files (flat objects declared `as const`) and is looked up
 * by key, so a translation is one more file. Placeholders are written `{name}`; their names are
 * read from the message's type, so a missing or misspelt parameter does not compile.
 */
export type Messages = Readonly<Record<string, string>>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type ParamsFor<S extends string> = Record<Placeholders<S>, string | number>;

type Args<S extends string> = [Placeholders<S>] extends [never] ? [] : [params: ParamsFor<S>];

/** Keys `k` for which the file holds both `k_one` and `k_other`. */
export type PluralKey<M extends Messages> = {
  [K in keyof M]: K extends `${infer Base}_one`
    ? `${Base}_other` extends keyof M
      ? Base
      : never
    : never;
}[keyof M];

export interface Translate<M extends Messages> {
  <K extends keyof M & string>(key: K, ...args: Args<M[K]>): string;
  /** Picks `key_one` or `key_other` for `count` (which is also passed as `{count}`). */
  plural<K extends PluralKey<M> & string>(
    key: K,
    count: number,
    params?: Record<string, string | number>,
  ): string;
  /**
   * For keys built from data (such as audit action names): the message, or undefined when the
   * files have none, so the caller can show the raw value instead.
   */
  optional(key: string, params?: Record<string, string | number>): string | undefined;
  readonly locale: string;
}

interface I18nValue {
  readonly locale: string;
  readonly messages: Messages;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function interpolate(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslate<M extends Messages>(locale: string, messages: M): Translate<M> {
  const lookup = (key: string, params?: Record<string, string | number>): string => {
    const message = messages[key];
    // A missing key is a programming error; showing the key keeps the page usable and visible.
    return message === undefined ? key : interpolate(message, params);
  };
  const pluralRules = new Intl.PluralRules(locale);
  const translate = Object.assign(
    (key: string, params?: Record<string, string | number>) => lookup(key, params),
    {
      plural: (key: string, count: number, params: Record<string, string | number> = {}) => {
        const form = pluralRules.select(count) === 'one' ? 'one' : 'other';
        return lookup(`${key}_${form}`, { ...params, count: count.toLocaleString(locale) });
      },
      optional: (key: string, params?: Record<string, string | number>) =>
        Object.hasOwn(messages, key) ? lookup(key, params) : undefined,
      locale,
    },
  );
  // The call signature is looser than Translate's typed keys and parameters; the type narrows it.
  return translate as unknown as Translate<M>;
}

/** The translate function for a message type; each app binds it to its own messages. */
export function useTranslate<M extends Messages>(): Translate<M> {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useTranslate needs an <I18nProvider> above it');
  return useMemo(
    () => createTranslate(value.locale, value.messages as M),
    [value.locale, value.messages],
  );
}

export function useLocale(): string {
  return useContext(I18nContext)?.locale ?? 'en-GB';
}

//! The config's errors: the reasons after "option `field` = value:", the config script's own
//! errors, the language's and the publisher's messages' (`crate::config`, `super`).
//! English, by key: the source of the other languages' tables (`www/lang/*.json`).

use crate::analysis::said::Message;

/// English messages of the config's errors, by key (see [`crate::analysis::said`]): the
/// reasons after "option `field` = value:", and the config script's own errors.
pub const MESSAGES: &[Message] = &[
    PRICES_EMPTY, SOURCE_SYMBOL, SOURCE_ADJUSTED, SOURCE_URL, SOURCE_CSV, PRICES_LIST_ENTRY, PRICES_KIND, URL_SCHEME, PRICES_NONE, PRICES_LIST_JSON,
    ONE_OF, MESSAGES_OBJECT, MESSAGES_OBJECT_ATTRIBUTE, HEIGHT_RANGE, TOLERANCE_RANGE, TOLERANCE_MAX, LAZY_BOOL, TIMEOUT_RANGE, REFRESH_RANGE, PERMALINK_VALUE,
    SCRIPT_NOT_OBJECT, SCRIPT_NOT_JSON, NO_PERMALINK_KEY, NOTE_JSON, NOTE_KIND, TEXT, TEXTS, SYMBOL_LIST, NUMBER, OBJECT, PRICES_MISSING,
    BANDS_FOUR, BASKET_EMPTY, BASKETS_WRITTEN, BASKETS_OBJECT, BASKETS_OBJECT_ATTRIBUTE, ROTATION_METHOD, ROTATION_SETTING, ROTATION_OBJECT,
    ROTATION_OBJECT_ATTRIBUTE, SPREADS_LIST, SPREAD_PAIR, PRICES_MISSING_DATA, WHOLE,
    // The language's and the publisher's messages', and a shared view's.
    LANGUAGE_UNAVAILABLE, LANGUAGE_NOT_LOADED, OVERRIDE_NO_KEY, OVERRIDE_NOT_TEXT, OVERRIDE_PLACEHOLDERS,
    OVERRIDE_NO_PLACEHOLDERS, OVERRIDE_PLACEHOLDERS_MISSING,
    super::permalink::TOO_LONG, super::permalink::NOT_FIELD_VALUE, super::permalink::NOT_HEX, super::permalink::NOT_UTF8, super::permalink::BAD_VIEW, super::permalink::NO_SYMBOL, super::permalink::BAD_METHOD,
    super::permalink::BAD_PERIOD, super::permalink::BAD_DATE, super::permalink::NOT_A_FIELD, super::permalink::NOT_SHOWN, super::permalink::NOT_IN_DATA, super::permalink::ALSO_HIDDEN,
    super::permalink::PERIOD_AFTER, super::permalink::BEFORE_FIRST_POINT,
];

pub(crate) const PRICES_EMPTY: Message = ("config.prices.empty", "give a URL or the data itself");
pub(crate) const SOURCE_SYMBOL: Message = ("config.source.symbol", "give the symbol as a text");
pub(crate) const SOURCE_ADJUSTED: Message = ("config.source.adjusted", "use true (total-return closes, dividends reinvested) or false (price closes)");
pub(crate) const SOURCE_URL: Message = ("config.source.url", "give the URL as a text");
pub(crate) const SOURCE_CSV: Message = ("config.source.csv", "give the CSV as a text");
/// The object forms are syntax, given as values: `{url}`, `{csv}`.
pub(crate) const PRICES_LIST_ENTRY: Message = ("config.prices.listEntry", "a list holds sources, each a URL, CSV or JSON text, or an object: {url}, {csv}, or the price data");
pub(crate) const PRICES_KIND: Message = ("config.prices.kind", "give a URL, JSON or CSV text, an object, or a list of those");
pub(crate) const URL_SCHEME: Message = ("config.url.scheme", "a {scheme}: address cannot be downloaded; give an https:// URL or a path on this site, or the data itself");
pub(crate) const PRICES_NONE: Message = ("config.prices.none", "the list of sources is empty");
pub(crate) const PRICES_LIST_JSON: Message = ("config.prices.listJson", "a text starting with [ is read as a JSON list of sources, but it is not valid JSON ({error})");
pub(crate) const ONE_OF: Message = ("config.oneOf", "use one of {choices}");
pub(crate) const MESSAGES_OBJECT: Message = ("config.messages.object", "expected an object of message keys and texts");
pub(crate) const MESSAGES_OBJECT_ATTRIBUTE: Message = ("config.messages.objectAttribute", "expected an object of message keys and texts (as JSON in an attribute)");
pub(crate) const HEIGHT_RANGE: Message = ("config.height", "use a height between 120 and 4000 pixels");
pub(crate) const TOLERANCE_RANGE: Message = ("config.tolerance.range", "use a number of percentage points, 0 or more");
pub(crate) const TOLERANCE_MAX: Message = ("config.tolerance.max", "use at most 100 percentage points");
pub(crate) const LAZY_BOOL: Message = ("config.lazy", "use true or false");
pub(crate) const TIMEOUT_RANGE: Message = ("config.timeout", "use a number of seconds from 0.1 to 600");
pub(crate) const REFRESH_RANGE: Message = ("config.refresh", "use a number of seconds from 10 to 86400, or false");
pub(crate) const PERMALINK_VALUE: Message = ("config.permalink", "use true, false, or a key of up to 40 letters, digits, - and _");
pub(crate) const SCRIPT_NOT_OBJECT: Message = ("config.script.notObject", "the config script should hold a JSON object, but it is {what}");
pub(crate) const SCRIPT_NOT_JSON: Message = ("config.script.notJson", "the config script is not valid JSON: {why}");
pub(crate) const NO_PERMALINK_KEY: Message = ("config.permalink.noKey", "option `permalink` = true: this element has no id to name its view in the address; give it an id, or set permalink to a key");
pub(crate) const NOTE_JSON: Message = ("config.note.json", "the text starts like JSON but is not valid JSON ({error})");
pub(crate) const NOTE_KIND: Message = ("config.note.kind", "give a URL or an inline object");
pub(crate) const TEXT: Message = ("config.text", "expected a text");
pub(crate) const TEXTS: Message = ("config.texts", "expected texts");
pub(crate) const SYMBOL_LIST: Message = ("config.symbols", "expected a list of symbols");
pub(crate) const NUMBER: Message = ("config.number", "expected a number");
pub(crate) const OBJECT: Message = ("config.object", "expected an object");
pub(crate) const PRICES_MISSING: Message = ("config.prices.missing", "give the URL of the price data or the data inline");
pub(crate) const BANDS_FOUR: Message = ("config.bands", "expected four numbers");
// The core says these too (an option refused there), under the same keys.
pub(crate) use crate::analysis::error::{BASKET_NEEDS_SYMBOL as BASKET_EMPTY, METHOD_NAMES as ROTATION_METHOD};
pub(crate) const BASKETS_WRITTEN: Message = ("config.baskets.written", "write name:SYM SYM; name:SYM");
pub(crate) const BASKETS_OBJECT: Message = ("config.baskets.object", "expected an object of symbol lists");
pub(crate) const BASKETS_OBJECT_ATTRIBUTE: Message = ("config.baskets.objectAttribute", "expected an object of symbol lists (as JSON in an attribute)");
pub(crate) const ROTATION_SETTING: Message = ("config.rotation.setting", "not a rotation setting (interval, window, tail, method)");
/// The settings' names are syntax, given as a value: `{fields}`.
pub(crate) const ROTATION_OBJECT: Message = ("config.rotation.object", "expected {fields}");
pub(crate) const ROTATION_OBJECT_ATTRIBUTE: Message = ("config.rotation.objectAttribute", "expected {fields} (as JSON in an attribute)");
pub(crate) const SPREADS_LIST: Message = ("config.spreads", "expected a list of [long, short] pairs");
/// The two forms are syntax, given as values: `{pair}`, `{object}`.
pub(crate) const SPREAD_PAIR: Message = ("config.spread.pair", "give {pair} or {object} with basket or symbol names");
pub(crate) const PRICES_MISSING_DATA: Message = ("config.prices.missingData", "give the price data (an object, JSON or CSV text, a URL, or a list of those)");
pub(crate) const WHOLE: Message = ("config.whole", "use a whole number of at least {min}");


/// The language's and the publisher's messages' own errors .
pub(crate) const LANGUAGE_UNAVAILABLE: Message = ("language.unavailable", "Language \"{tag}\" is not available: showing English (available: {languages})");
pub(crate) const LANGUAGE_NOT_LOADED: Message = ("language.notLoaded", "The \"{lang}\" texts could not be loaded ({why}): showing English");
pub(crate) const OVERRIDE_NO_KEY: Message = ("config.messages.noKey", "no message has this key (the keys are listed in the README, \"Languages\")");
pub(crate) const OVERRIDE_NOT_TEXT: Message = ("config.messages.notText", "give the message as a text");
pub(crate) const OVERRIDE_PLACEHOLDERS: Message = ("config.messages.placeholders", "the text must have the placeholders {wanted} (it has {given})");
pub(crate) const OVERRIDE_NO_PLACEHOLDERS: Message = ("config.messages.placeholders.noneWanted", "the text must have the placeholders none (it has {given})");
pub(crate) const OVERRIDE_PLACEHOLDERS_MISSING: Message = ("config.messages.placeholders.noneGiven", "the text must have the placeholders {wanted} (it has none)");


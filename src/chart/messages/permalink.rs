//! What a reader reads when part of a shared view cannot be restored ([`crate::permalink`]),
//! listed with the config's messages (`config::MESSAGES`): each a whole sentence, as
//! the link's key, field and value fill it.
//! English, by key: the source of the other languages' tables (`www/lang/*.json`).

use crate::analysis::said::Message;

pub(crate) const TOO_LONG: Message = ("permalink.tooLong", "permalink `{key}`: the view is {length} characters long, more than the {max} a view can have; it was not read");
pub(crate) const NOT_FIELD_VALUE: Message = ("permalink.notFieldValue", "permalink `{key}`: {part} should be field:value");
pub(crate) const NOT_HEX: Message = ("permalink.escape.notHex", "permalink `{key}`: `{field}` = {value}: a % must be followed by two hex digits");
pub(crate) const NOT_UTF8: Message = ("permalink.escape.notUtf8", "permalink `{key}`: `{field}` = {value}: its %-escapes are not UTF-8 text");
pub(crate) const BAD_VIEW: Message = ("permalink.view", "permalink `{key}`: `{field}` = {value}: use rotation, performance or trend");
pub(crate) const NO_SYMBOL: Message = ("permalink.noSymbol", "permalink `{key}`: `{field}` = {value}: name a symbol");
pub(crate) const BAD_METHOD: Message = ("permalink.method", "permalink `{key}`: `{field}` = {value}: {reason}");
pub(crate) const BAD_PERIOD: Message = ("permalink.period", "permalink `{key}`: `{field}` = {value}: use 1W, 1M, 3M, 6M, YTD, 1Y, 3Y or a start date YYYY-MM-DD");
pub(crate) const BAD_DATE: Message = ("permalink.date", "permalink `{key}`: `{field}` = {value}: use a date YYYY-MM-DD");
pub(crate) const NOT_A_FIELD: Message = ("permalink.notAField", "permalink `{key}`: `{field}` is not part of a view ({fields})");
pub(crate) const NOT_SHOWN: Message = ("permalink.notShown", "permalink `{key}`: `{field}` = {value}: not shown in this widget");
pub(crate) const NOT_IN_DATA: Message = ("permalink.notInData", "permalink `{key}`: `{field}` = {value}: not in the price data");
pub(crate) const ALSO_HIDDEN: Message = ("permalink.alsoHidden", "permalink `{key}`: `highlight` = {value}: also hidden, so not highlighted");
pub(crate) const PERIOD_AFTER: Message = ("permalink.periodAfter", "permalink `{key}`: `period` = {value}: it starts after the as-of day {asOf}");
pub(crate) const BEFORE_FIRST_POINT: Message = ("permalink.beforeFirstPoint", "permalink `{key}`: `date` = \"{day}\": before the rotation graph's first point, {first}");


//! Each view as a picture, without a browser (`rotascope-tool render`): the scene the widget's
//! canvas draws at first sight (its configured benchmark, period, interval, method and tail,
//! every symbol shown, nothing hovered, pinned or zoomed, the latest date), laid out by the
//! same view-models and painted by the same `draw_*` through [`SvgPainter`], with the view's
//! screen-reader summary as its alt text. The PNG is the tool's business (a rasteriser).

use super::messages::Messages;
use super::describe::{describe_extent, describe_motion, describe_performance, describe_rotation, describe_trend, NoteTail, Performer, SpreadFact};
use super::draw::FONT_FAMILY;
use super::export::png_headings;
use super::format::Format;
use super::frame::{performance_legend, rotation_legend, trend_legend, ImageFrame};
use super::labels::{bold_text_width, text_width};
use super::looks::Looks;
use super::paint::SvgPainter;
use super::performance::{draw_line_chart, LineChartSpec, LineChartView, PlotLine, ValueKind};
use super::rotation::{draw_rrg, Emphasis, RrgSpec, RrgView, TailInput};
use super::rs_lines::{self, draw_rs_lines, history_of, in_period, RsLinesView};
use super::theme::{Palette, Rgb};
use super::trend_chart::TrendSpec;
use super::words;
use crate::analysis::period::Period;
use crate::analysis::rotation::{Interval, RotationMethod, RotationPoint};
use crate::analysis::rotation_metrics::{metrics_at, PointMetrics};
use crate::model::{Model, PerfMode};

/// The font the tool embeds, named first so a rasteriser with only that font uses it; the
/// widget's own stack follows for anything else that opens the SVG.
pub const IMAGE_FONT: &str = "DejaVu Sans";

/// The views an image can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageView {
    Rotation,
    Performance,
    Trend,
}

impl ImageView {
    pub const ALL: [ImageView; 3] = [ImageView::Rotation, ImageView::Performance, ImageView::Trend];

    /// The view's name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ImageView::Rotation => "rotation",
            ImageView::Performance => "performance",
            ImageView::Trend => "trend",
        }
    }
}

/// What the widget's configuration decides about a picture, and its size.
#[derive(Debug, Clone)]
pub struct ImageSpec<'a> {
    /// Width and chart height in CSS pixels (the trend view adds its RS panel, a third as
    /// tall, under the chart, as the widget does).
    pub width: f64,
    pub height: f64,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    pub palette: &'a Palette,
    /// The widget's configured title.
    pub title: Option<&'a str>,
    pub period: Period,
    pub interval: Interval,
    pub method: RotationMethod,
    pub tail: usize,
    /// The words, in the configured language.
    pub messages: Messages,
    /// The research note's publication day, marked as the widget marks it.
    pub published: Option<crate::analysis::Date>,
    /// Whether the image carries the headings, legend and source line around the chart, as
    /// the widget's PNG button draws them; `height` is then the whole image's.
    pub frame: bool,
}

/// One view's picture: the SVG document, its alt text and its headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub svg: String,
    /// The view's screen-reader summary (the widget's summary text).
    pub alt: String,
    /// The `<title>`: the configured title and the view's own, or the view's alone.
    pub title: String,
    /// Size in device pixels.
    pub width: f64,
    pub height: f64,
}


/// The tails the widget shows at first: every symbol's last `tail` points up to the latest
/// date of the timeline, as (table position, index of the first point in its history, points).
pub fn first_tails(model: &Model, spec: &ImageSpec) -> Vec<(usize, usize, Vec<RotationPoint>)> {
    let set = model.rotation_set(model.benchmark, spec.interval, spec.method);
    let Ok(set) = set.as_ref() else { return Vec::new() };
    let at = set.timeline.last().copied().unwrap_or(model.to);
    set.rotations
        .iter()
        .filter_map(|r| {
            let end = r.points.partition_point(|p| p.index <= at);
            let start = end.saturating_sub(spec.tail);
            let points = r.points.get(start..end).map(<[RotationPoint]>::to_vec).unwrap_or_default();
            (!points.is_empty()).then_some((r.position, start, points))
        })
        .collect()
}

/// The rotation graph laid out as the widget's scene lays it out (`None` without tails).
pub fn rotation_view(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> Option<RrgView> {
    let tails = first_tails(model, spec);
    if tails.is_empty() {
        return None;
    }
    let set = model.rotation_set(model.benchmark, spec.interval, spec.method);
    let inputs: Vec<TailInput> = tails
        .iter()
        .map(|(p, start, points)| TailInput {
            symbol: model.symbol(*p),
            colour: model.colour(spec.palette, *p),
            marker: model.marker(*p),
            emphasis: Emphasis::Normal,
            points,
            history: set.as_ref().as_ref().ok().and_then(|s| s.history(*p)).unwrap_or_default(),
            start: *start,
        })
        .collect();
    let rrg = RrgSpec {
        tails: &inputs,
        width: (spec.width * spec.scale).round(),
        height: (spec.height * spec.scale).round(),
        ui: spec.scale,
        show_tails: true,
        show_labels: true,
        zoom: None,
        // Images are in English until `lang` reaches them (README "Languages").
        quadrant_names: words::quadrant_names(&spec.messages),
        published: spec.published,
    };
    Some(RrgView::build(&rrg, fmt))
}

/// The rotation view's summary, as the widget's summary writes it.
pub fn rotation_alt(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> String {
    let tails = first_tails(model, spec);
    let set = model.rotation_set(model.benchmark, spec.interval, spec.method);
    let heads: Vec<(String, RotationPoint)> = tails.iter().filter_map(|(p, _, pts)| pts.last().cloned().map(|h| (model.symbol(*p).to_owned(), h))).collect();
    let motion: Vec<(String, PointMetrics)> = tails
        .iter()
        .filter_map(|(p, start, pts)| {
            let k = pts.len().checked_sub(1)?;
            let h = set.as_ref().as_ref().ok()?.history(*p)?;
            Some((model.symbol(*p).to_owned(), metrics_at(h, start + k, spec.tail)?))
        })
        .collect();
    let as_of = heads.iter().map(|(_, h)| h.date).max().unwrap_or_else(|| model.as_of());
    let (returns, _) = model.performers(model.benchmark, spec.period);
    let performers: Vec<Performer> = returns.iter().map(Performer::from).collect();
    let spread = model.basket_spread(spec.period).as_ref().map(SpreadFact::from);
    let m = &spec.messages;
    let rotation = describe_rotation(m, model.symbol(model.benchmark), spec.interval, as_of, &heads, &super::describe::period_name(m, spec.period, fmt), &performers, spread.as_ref(), fmt);
    let mut text = words::rotation_summary(m, &rotation, &describe_motion(m, &motion, fmt), &describe_extent(m, spec.method, model.window, None, fmt));
    let named: Vec<NoteTail> = tails
        .iter()
        .filter_map(|(p, start, pts)| Some(NoteTail { symbol: model.symbol(*p).to_owned(), history: set.as_ref().as_ref().ok()?.history(*p)?, start: *start, len: pts.len() }))
        .collect();
    text.push_str(&super::describe::rotation_note_sentence(m, spec.published, &named, fmt));
    text
}

/// The performance chart laid out as the widget's scene lays it out (`None` without lines).
pub fn performance_view(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> Option<LineChartView> {
    let (benchmark, mode) = (model.benchmark, PerfMode::PercentChange);
    let lines = model.period_lines(benchmark, spec.period, mode);
    let styled: Vec<_> = lines.shown(benchmark, |_| false).map(|(_, (key, line))| (*key, words::line_style(&spec.messages, model, spec.palette, *key, benchmark), line)).collect();
    let plot: Vec<PlotLine> = styled
        .iter()
        .map(|(key, (label, colour, dashed), line)| PlotLine {
            label,
            colour: *colour,
            dashed: *dashed,
            faded: false,
            line,
            unit: matches!(key, crate::model::LineKey::Basket(_)).then_some(ValueKind::PercentChange),
        })
        .collect();
    if plot.is_empty() {
        return None;
    }
    Some(LineChartView::build(
        &LineChartSpec {
            dates: &model.table.dates,
            from: lines.from,
            to: lines.to,
            lines: &plot,
            kind: ValueKind::of(mode),
            reference: &[],
            width: (spec.width * spec.scale).round(),
            height: (spec.height * spec.scale).round(),
            ui: spec.scale,
            gutters: (0.0, 0.0),
            note: spec.published.map(|d| (d, spec.messages.get("label.noteMark"))),
        },
        fmt,
    ))
}

/// The performance view's summary, as the widget's summary writes it.
pub fn performance_alt(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> String {
    let (benchmark, mode) = (model.benchmark, PerfMode::PercentChange);
    let lines = model.period_lines(benchmark, spec.period, mode);
    let (performers, bench_return) = model.performers(benchmark, spec.period);
    let performers: Vec<Performer> = performers.iter().map(Performer::from).collect();
    let date = |i: usize| model.table.dates.get(i).copied().unwrap_or_else(|| model.as_of());
    let mut text = describe_performance(
        &spec.messages,
        model.symbol(benchmark),
        words::mode_words(&spec.messages, mode).summary,
        &super::describe::period_name(&spec.messages, spec.period, fmt),
        date(lines.from),
        date(lines.to),
        &performers,
        bench_return,
        model.basket_spread(spec.period).as_ref().map(SpreadFact::from).as_ref(),
        fmt,
    );
    text.push_str(&super::describe::note_sentence(&spec.messages, spec.published, &model.table.dates, lines.from, lines.to, fmt));
    text
}

/// The symbol the trend view shows at first: the first of the configured symbols.
fn trend_symbol(model: &Model) -> usize {
    model.members.first().copied().unwrap_or(model.benchmark)
}

/// The trend view's price chart and the RS panel under it (`None` for the panel where the
/// widget shows none), laid out on one x axis as the widget lays them out.
pub fn trend_view(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> Option<(LineChartView, Option<RsLinesView>)> {
    let trend = TrendSpec {
        symbol: trend_symbol(model),
        period: spec.period,
        benchmark: model.benchmark,
        interval: spec.interval,
        method: spec.method,
        width: (spec.width * spec.scale).round(),
        height: (spec.height * spec.scale).round(),
        panel_height: (panel_height(spec.height) * spec.scale).round(),
        ui: spec.scale,
        published: spec.published,
    };
    let (price, panel) = super::trend_chart::layout(&spec.messages, model, &trend, spec.palette, fmt)?;
    Some((price, panel.ok()))
}

/// The trend view's summary, as the widget's summary writes it.
pub fn trend_alt(model: &Model, spec: &ImageSpec, fmt: &dyn Format) -> String {
    let symbol = trend_symbol(model);
    let trend = model.trend(symbol, spec.period);
    let Some((lines, from)) = trend.as_ref() else { return words::no_closes_sentence(&spec.messages, model.symbol(symbol)) };
    let s = &lines.summary;
    let mut text = describe_trend(&spec.messages, model.symbol(symbol), s.date, s.close, s.sma50, s.sma200, s.prior_high.zip(s.prior_high_date), s.from_high_pct, fmt);
    let set = model.rotation_set(model.benchmark, spec.interval, spec.method);
    if let Some(last) = history_of(&set, symbol, model.benchmark).ok().and_then(|h| in_period(h, *from, model.to).1.last()) {
        text.push_str(&rs_lines::describe_latest(&spec.messages, model.symbol(model.benchmark), last, fmt));
    }
    text.push_str(&super::describe::note_sentence(&spec.messages, spec.published, &model.table.dates, *from, model.to, fmt));
    text
}

/// The RS panel's height in CSS pixels: a third of the chart's, as in the widget.
pub fn panel_height(chart_height: f64) -> f64 {
    (chart_height / 3.0).round()
}

/// Text for an XML element's content or a double-quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The image's headings in one line: the configured title and the view's own title.
pub fn image_title(configured: Option<&str>, view_title: String) -> String {
    match png_headings(configured, view_title) {
        (title, Some(sub)) => format!("{title} — {sub}"),
        (title, None) => title,
    }
}

/// A whole SVG document: `<title>`, `<desc>` (the alt text), a background in the theme's
/// colour, then what was painted.
pub fn svg_document(body: &str, width: f64, height: f64, title: &str, alt: &str, background: Rgb) -> String {
    let family = escape(&format!("\"{IMAGE_FONT}\", {FONT_FAMILY}"));
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"rs-title rs-desc\" font-family=\"{family}\">\n<title id=\"rs-title\">{}</title>\n<desc id=\"rs-desc\">{}</desc>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n{body}</svg>\n",
        escape(title),
        escape(alt)
    )
}

/// One view as an SVG document with its alt text, as the widget first shows it (framed as the
/// widget's PNG button frames it, when `spec.frame`).
pub fn render_view(model: &Model, view: ImageView, spec: &ImageSpec, fmt: &dyn Format) -> Image {
    let benchmark = model.symbol(model.benchmark);
    let (view_title, alt) = match view {
        ImageView::Rotation => (words::rotation_png_title(&spec.messages, benchmark, model.as_of(), fmt), rotation_alt(model, spec, fmt)),
        ImageView::Performance => (words::performance_png_title(&spec.messages, &spec.period, benchmark, fmt), performance_alt(model, spec, fmt)),
        ImageView::Trend => (words::trend_png_title(&spec.messages, model.symbol(trend_symbol(model)), &spec.period, fmt), trend_alt(model, spec, fmt)),
    };
    let title = image_title(spec.title, view_title.clone());
    let width = (spec.width * spec.scale).round();
    if !spec.frame {
        let (body, height) = draw_view(model, view, spec, fmt);
        let svg = svg_document(&body, width, height, &title, &alt, spec.palette.background);
        return Image { svg, alt, title, width, height };
    }
    let (heading, subtitle) = png_headings(spec.title, view_title);
    let frame = ImageFrame { title: heading, subtitle, legend: image_legend(model, view, spec), source: image_source(model, &spec.messages) };
    let layout = frame.layout(width, spec.scale, &|text, style| if style.bold { bold_text_width(text, style.px) } else { text_width(text, style.px) });
    // The chart takes what the frame leaves of the height (the trend chart with its RS panel, a
    // third as tall, under it), never under 100 CSS pixels.
    let total = (spec.height * spec.scale).round();
    let left = (total - layout.chart_top - layout.source_height) / spec.scale;
    let chart = if view == ImageView::Trend { left * 3.0 / 4.0 } else { left };
    let (body, chart_height) = draw_view(model, view, &ImageSpec { height: chart.max(100.0).floor(), ..*spec }, fmt);
    let mut pen = SvgPainter::default();
    frame.paint(&mut pen, &layout, spec.palette, layout.chart_top + chart_height);
    pen.body.push_str(&format!("<g transform=\"translate(0 {})\">\n{body}</g>\n", layout.chart_top));
    let height = total.max(layout.chart_top + chart_height + layout.source_height);
    let svg = svg_document(&pen.body, width, height, &title, &alt, spec.palette.background);
    Image { svg, alt, title, width, height }
}

/// One view drawn as the widget's canvas draws it: the SVG body and its height in device
/// pixels (the trend chart's with its RS panel under it).
fn draw_view(model: &Model, view: ImageView, spec: &ImageSpec, fmt: &dyn Format) -> (String, f64) {
    let mut pen = SvgPainter::default();
    let mut height = (spec.height * spec.scale).round();
    match view {
        ImageView::Rotation => {
            if let Some(v) = rotation_view(model, spec, fmt) {
                draw_rrg(&mut pen, &v, spec.palette);
            }
        }
        ImageView::Performance => {
            if let Some(v) = performance_view(model, spec, fmt) {
                draw_line_chart(&mut pen, &v, spec.palette);
            }
        }
        ImageView::Trend => {
            if let Some((price, panel)) = trend_view(model, spec, fmt) {
                draw_line_chart(&mut pen, &price, spec.palette);
                if let Some(panel) = panel {
                    let mut below = SvgPainter::default();
                    draw_rs_lines(&mut below, &panel, spec.palette);
                    pen.body.push_str(&format!("<g transform=\"translate(0 {height})\">\n{}</g>\n", below.body));
                    height += panel.height;
                }
            }
        }
    }
    (pen.body, height)
}

/// The legend the widget's PNG button gives the view as it first shows.
fn image_legend(model: &Model, view: ImageView, spec: &ImageSpec) -> Vec<(String, Rgb)> {
    match view {
        ImageView::Rotation => rotation_legend(model, first_tails(model, spec).into_iter().map(|(p, ..)| p), spec.palette),
        ImageView::Performance => performance_legend(&spec.messages, model, spec.palette, model.benchmark, spec.period, PerfMode::PercentChange, &|_| false),
        ImageView::Trend => trend_legend(&spec.messages, model, spec.palette, trend_symbol(model)),
    }
}

/// The data's source line, as the widget's footnote and PNG write it.
fn image_source(model: &Model, m: &Messages) -> String {
    words::source_line(m, m.get(model.table.adjustment.message().0), model.table.source.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_carries_title_alt_text_and_background_escaped() {
        let svg = svg_document("<circle/>\n", 300.0, 200.0, &image_title(Some(" A & B "), "Relative rotation against SPY".into()), "Leading: \"IWM\" <1>.", Rgb(0x12, 0x16, 0x1c));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\" viewBox=\"0 0 300 200\" role=\"img\""));
        assert!(svg.contains("font-family=\"&quot;DejaVu Sans&quot;, system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, sans-serif\""));
        assert!(svg.contains("<title id=\"rs-title\">A &amp; B — Relative rotation against SPY</title>\n<desc id=\"rs-desc\">Leading: &quot;IWM&quot; &lt;1&gt;.</desc>\n<rect width=\"300\" height=\"200\" fill=\"#12161c\"/>\n<circle/>\n</svg>\n"));
        assert_eq!(image_title(None, "Performance, YTD, against SPY".into()), "Performance, YTD, against SPY");
    }
}

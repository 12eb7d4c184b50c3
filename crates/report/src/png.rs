//! Charts as PNG images (for DOCX): the SVG drawn by resvg with the fonts shipped in
//! `typst-assets`, so text renders the same on every server.

use std::sync::{Arc, OnceLock};

fn options() -> &'static resvg::usvg::Options<'static> {
    static O: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    O.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for data in typst_assets::fonts() {
            db.load_font_data(data.to_vec());
        }
        resvg::usvg::Options { font_family: "Libertinus Serif".into(), fontdb: Arc::new(db), ..Default::default() }
    })
}

/// A PNG of `svg` at `scale` times its size, with that size (in CSS pixels) as `(width, height)`.
pub fn render(svg: &str, scale: f32) -> Result<(Vec<u8>, f32, f32), String> {
    let tree = resvg::usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("empty chart")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok((png, size.width(), size.height()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn charts_render_with_their_text() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50"><rect x="0" y="0" width="100" height="20" fill="#8fb4dc"/><text x="10" y="40" font-size="14">Kuopio 10,6</text></svg>"##;
        let (png, w, h) = super::render(svg, 2.0).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        assert_eq!((w, h), (200.0, 50.0));
        // The text is drawn: the lower half is not all white.
        let blank = super::render(&svg.replace("Kuopio 10,6", ""), 2.0).unwrap().0;
        assert_ne!(png, blank, "the text renders with the shipped fonts");
    }
}

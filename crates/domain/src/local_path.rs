//! Paths on this site, for redirects after a form (`next=`) and links users type (timeline tasks).
//! One rule, so that no redirect or link can leave the site.

/// `s` as a path on this site, or None: it starts with one `/` (never `//` or `/\`, which browsers
/// read as another host), holds no white space, control characters or `\` (browsers drop a tab and
/// read `/<tab>/host` as `//host`), and any non-ASCII character is percent-encoded.
pub fn local_path(s: &str) -> Option<String> {
    let rest = s.strip_prefix('/')?;
    if rest.starts_with(['/', '\\']) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    out.push('/');
    for c in rest.chars() {
        match c {
            '\\' => return None,
            c if c.is_whitespace() || c.is_control() => return None,
            c if c.is_ascii() => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_pass() {
        assert_eq!(local_path("/areas?kind=municipality").as_deref(), Some("/areas?kind=municipality"));
        assert_eq!(local_path("/areas?q=Hämeenlinna").as_deref(), Some("/areas?q=H%C3%A4meenlinna"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/x\t",
            "https://evil.example",
            "evil.example",
            "/a\r\nSet-Cookie: x=1",
            "/a\0",
            "/a b",
            "/a\\b",
            "",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}

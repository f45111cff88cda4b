//! Patching a drawing in place: the SVG elements of a chart brought from one scene to the next,
//! touching only what changed.

use crate::chart::scene::Element;

/// The SVG namespace.
pub const SVG: &str = "http://www.w3.org/2000/svg";

/// Brings the children of `group`, which show `before`, to `after` (each item drawn by the
/// element `element` describes for it and its place): an item that did not change is not
/// touched, one that did has only its changed attributes set (a new element only where the kind
/// of element changed). So a filter change rewrites a few attributes instead of rebuilding the
/// drawing. Text is set as text, never parsed as markup.
pub fn patch<'a, T: PartialEq>(
    group: &web_sys::Element,
    before: &'a [T],
    after: &'a [T],
    element: impl Fn(usize, &'a T) -> Element<'a>,
) {
    let Some(document) = group.owner_document() else {
        return;
    };
    let children = group.children();
    for (index, item) in after.iter().enumerate() {
        let old = before.get(index);
        if old == Some(item) {
            continue;
        }
        let new = element(index, item);
        let old = old.map(|old| element(index, old));
        let existing = children.item(index as u32);
        match (existing, old) {
            (Some(node), Some(old)) if old.name == new.name => {
                for (name, value) in &new.attributes {
                    if !old
                        .attributes
                        .iter()
                        .any(|known| known.0 == *name && known.1 == *value)
                    {
                        let _ = node.set_attribute(name, value);
                    }
                }
                for (name, _) in &old.attributes {
                    if !new.attributes.iter().any(|(known, _)| known == name) {
                        let _ = node.remove_attribute(name);
                    }
                }
                if old.text != new.text {
                    node.set_text_content(new.text);
                }
            }
            (existing, _) => {
                let Ok(node) = document.create_element_ns(Some(SVG), new.name) else {
                    return;
                };
                for (name, value) in &new.attributes {
                    let _ = node.set_attribute(name, value);
                }
                node.set_text_content(new.text);
                let _ = match existing {
                    Some(existing) => group.replace_child(&node, &existing),
                    None => group.append_child(&node),
                };
            }
        }
    }
    while children.length() > after.len() as u32 {
        match children.item(after.len() as u32) {
            Some(extra) => extra.remove(),
            None => break,
        }
    }
}

// The article body's figures and embeds in the rich-text editor (django-prose-editor's "configurable" preset).
// Loaded through DJANGO_PROSE_EDITOR_EXTENSIONS; the exports replace the built-in Figure and Menu and add Embed.
// The server keeps exactly the stored form of both (articles/body.py): this module only has to produce it.
// Texts go through gettext: the admin's JavaScript catalogue (newsroom/admin_site.py) has their German
// in locale/de/LC_MESSAGES/djangojs.po, which `makemessages -d djangojs` fills from this file.
import {
  Menu as BaseMenu,
  Figure as BaseFigure,
  Node,
  canInsertNode,
  createMenuFromGroups,
  crel,
  gettext,
  mergeAttributes,
  updateAttrsDialog,
} from "django-prose-editor/editor"

// Marks a text for makemessages; it is translated where it is shown.
const gettext_noop = (text) => text

// The library passes these through gettext in its dialogs and the figure's caption button, but its
// German catalogue lacks them or words them unlike the newsroom (or in Swiss spelling); ours comes
// first. Never read: listed for makemessages only.
const LIBRARY_DIALOG_TEXTS = [
  gettext_noop("Update"), gettext_noop("Insert"), gettext_noop("Cancel"),
  gettext_noop("Edit Link"), gettext_noop("URL"), gettext_noop("Title"), gettext_noop("Open in new window"),
  gettext_noop("Insert Figure"), gettext_noop("Edit Figure"), gettext_noop("Edit Image"), gettext_noop("Image URL"),
  gettext_noop("Browse..."), gettext_noop("Alternative Text"), gettext_noop("Caption"),
  gettext_noop("Add caption"), gettext_noop("Remove caption"),
  gettext_noop("Insert Table"), gettext_noop("Table Properties"), gettext_noop("Rows"), gettext_noop("Columns"),
  gettext_noop("Include header row"),
  gettext_noop("Bullets"), gettext_noop("Uppercase letters"), gettext_noop("Uppercase Roman numerals"),
]

// The library writes the toolbar's tooltips and the block type menu in English without gettext
// (its menu.js, link.js and table.js); the Menu below translates them by their English text.
const TOOLBAR_TEXTS = new Set([
  gettext_noop("paragraph"), gettext_noop("Paragraph"),
  gettext_noop("bold"), gettext_noop("italic"), gettext_noop("underline"), gettext_noop("strike"),
  gettext_noop("subscript"), gettext_noop("superscript"),
  gettext_noop("unordered list"), gettext_noop("ordered list"), gettext_noop("blockquote"),
  gettext_noop("horizontal rule"), gettext_noop("figure"),
  gettext_noop("insert link"), gettext_noop("remove link"),
  gettext_noop("Insert table"), gettext_noop("Add column"), gettext_noop("Delete column"),
  gettext_noop("Add row"), gettext_noop("Delete row"), gettext_noop("Merge cells"), gettext_noop("Split cell"),
  gettext_noop("Toggle header cell"), gettext_noop("Delete table"),
  gettext_noop("undo"), gettext_noop("redo"),
])
const HEADING = /^heading (\d)$/i // "heading 2" as tooltip, "Heading 2" in the block type menu

const toolbarText = (text) => {
  const heading = HEADING.exec(text)
  if (heading) return gettext("Heading %s").replace("%s", heading[1])
  return TOOLBAR_TEXTS.has(text) ? gettext(text) : text
}

// The library's menu, built as it builds it, once its items have German tooltips, labels and entries.
// The groups are the ones the server configures (DJANGO_PROSE_EDITOR_MENU_GROUPS or the library's).
export const Menu = BaseMenu.extend({
  addOptions() {
    return {
      ...this.parent?.(),
      items: ({ editor, buttons, menu }) => {
        const { groups } = editor.extensionManager.extensions.find((extension) => extension.name === this.name).options
        for (const { group } of groups) {
          for (const { button, option } of menu.items(group)) {
            if (button?.title) button.title = toolbarText(button.title)
            if (button?.hasAttribute("aria-label")) button.setAttribute("aria-label", toolbarText(button.getAttribute("aria-label")))
            if (option?.childElementCount === 0) option.textContent = toolbarText(option.textContent)
          }
        }
        return createMenuFromGroups(groups)({ editor, buttons, menu })
      },
    }
  },
})

// How alignments and embeds look in the editor (a constructed sheet: no extra file, no inline style).
const sheet = new CSSStyleSheet()
sheet.replaceSync(`
  .ProseMirror figure[data-align="left"] { margin-right: 40%; }
  .ProseMirror figure[data-align="right"] { margin-left: 40%; }
  .ProseMirror figure[data-align="wide"] { outline: 3px double #79aec8; }
  .prose-embed { display: flex; gap: 0.5rem; align-items: center; margin: 1rem 0; padding: 0.75rem 1rem;
    border: 1px solid #79aec8; border-radius: 4px; background: #f4f8fa; cursor: pointer; }
  .prose-embed.ProseMirror-selectednode { outline: 2px solid #417690; }
  .prose-embed--unsupported { border-color: #ba2121; background: #fff0f0; }
  .prose-embed span:last-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`)
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]

// "" keeps the picture in the text column; the others are data-align values.
const ALIGNMENTS = [
  ["", "format_align_center", gettext("picture in the text column")],
  ["left", "format_align_left", gettext("picture on the left, text flows around it")],
  ["right", "format_align_right", gettext("picture on the right, text flows around it")],
  ["wide", "format_align_justify", gettext("picture wider than the text")],
]

const figureAround = (selection) => {
  if (selection.node?.type.name === "figure") return { pos: selection.from, node: selection.node }
  const { $from } = selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === "figure") return { pos: $from.before(depth), node }
  }
  return null
}

export const Figure = BaseFigure.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      align: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-align") || "",
        renderHTML: (attributes) => (attributes.align ? { "data-align": attributes.align } : {}),
      },
    }
  },

  // The built-in view copies attributes once; this one shows a changed alignment at once.
  addNodeView() {
    return ({ node }) => {
      const dom = crel("figure", { className: "figure" })
      const show = (current) => {
        dom.dataset.align = current.attrs.align || ""
      }
      show(node)
      return {
        dom,
        contentDOM: dom,
        update: (updated) => {
          if (updated.type.name !== "figure") return false
          show(updated)
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      alignFigure:
        (align) =>
        ({ state, dispatch }) => {
          const figure = figureAround(state.selection)
          if (!figure) return false
          if (dispatch) dispatch(state.tr.setNodeAttribute(figure.pos, "align", align))
          return true
        },
    }
  },

  // In the "textAlign" group, which the body does not otherwise use; shown only while a figure is selected.
  addMenuItems({ buttons, menu }) {
    for (const [align, icon, title] of ALIGNMENTS) {
      menu.defineItem({
        name: `figureAlign:${align || "column"}`,
        groups: "textAlign",
        button: buttons.material(icon, title),
        command(editor) {
          editor.chain().focus().alignFigure(align).run()
        },
        hidden(editor) {
          return !figureAround(editor.state.selection)
        },
        active(editor) {
          return (figureAround(editor.state.selection)?.node.attrs.align || "") === align
        },
      })
    }
  },
})

// Which provider serves an address, by the server's own patterns (passed in as the "providers" option).
const providerFor = (providers, url) => {
  for (const [name, { patterns }] of Object.entries(providers)) {
    if (patterns.some((source) => new RegExp(`^(?:${source})$`).test(url))) return name
  }
  return ""
}

// As the server does it: scheme and host in lower case, the rest as typed.
const normalised = (url) => url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, (start) => start.toLowerCase())

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { providers: {} }
  },

  addAttributes() {
    return {
      provider: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-embed") || "",
        renderHTML: (attributes) => ({ "data-embed": attributes.provider }),
      },
      url: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-url") || "",
        renderHTML: (attributes) => ({ "data-url": attributes.url }),
      },
      title: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-title") || "",
        renderHTML: (attributes) => (attributes.title ? { "data-title": attributes.title } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "div[data-embed]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ class: "embed" }, HTMLAttributes)]
  },

  // A box with the provider and the title or address: nothing is loaded from the provider in the editor.
  addNodeView() {
    const { providers } = this.options
    return ({ node }) => {
      const provider = crel("strong")
      const detail = crel("span")
      const dom = crel("div", { className: "prose-embed", contentEditable: "false" }, [
        crel("span", { className: "material-icons", textContent: "smart_display", "aria-hidden": "true" }),
        provider,
        detail,
      ])
      const show = ({ attrs }) => {
        const known = providers[attrs.provider]
        provider.textContent = known ? known.label : gettext("Not supported, will be removed on saving")
        detail.textContent = attrs.title || attrs.url
        dom.title = attrs.url
        dom.classList.toggle("prose-embed--unsupported", !known)
      }
      show(node)
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== "embed") return false
          show(updated)
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      editEmbed:
        () =>
        ({ editor, state, dispatch }) => {
          const selected = state.selection.node?.type.name === "embed" ? state.selection.node : null
          const canInsert = canInsertNode(state, state.schema.nodes[this.name])
          if (!dispatch) return !!selected || canInsert
          if (!selected && !canInsert) return false

          const names = Object.values(this.options.providers)
            .map(({ label }) => label)
            .join(", ")
          const ask = (initial) => updateAttrsDialog(
            {
              url: {
                type: "string",
                title: gettext("Address of the post, video or chart"),
                description: `${gettext("From")} ${names}`,
                required: true,
              },
              title: {
                type: "string",
                title: gettext("Title"),
                description: gettext("Leave empty to use the provider's title."),
              },
            },
            { title: gettext("Embed"), submitText: selected ? gettext("Update") : gettext("Insert") },
          )(editor, initial).then((values) => {
            if (!values) return
            const url = normalised(values.url)
            const provider = providerFor(this.options.providers, url)
            if (!provider) {
              window.alert(`${gettext("This address cannot be embedded.")}\n${gettext("From")} ${names}`)
              ask(values) // again, with what was typed
              return
            }
            const attrs = { provider, url, title: values.title.trim() }
            if (selected) {
              editor.chain().focus().updateAttributes(this.name, attrs).run()
            } else {
              // An empty paragraph after it takes the cursor, so typing on does not replace the embed.
              editor.chain().focus().insertContent([{ type: this.name, attrs }, { type: "paragraph" }]).run()
            }
          })
          ask({ url: selected?.attrs.url || "", title: selected?.attrs.title || "" })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.material("smart_display", gettext("embed a video, post or chart")),
      command(editor) {
        editor.commands.editEmbed()
      },
      enabled(editor) {
        return editor.can().editEmbed()
      },
      active(editor) {
        return editor.isActive("embed")
      },
    })
  },
})

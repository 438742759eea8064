// The article body's figures and embeds in the rich-text editor (django-prose-editor's "configurable" preset).
// Loaded through DJANGO_PROSE_EDITOR_EXTENSIONS; the exports replace the built-in Figure and add Embed.
// The server keeps exactly the stored form of both (articles/body.py): this module only has to produce it.
import {
  Figure as BaseFigure,
  Node,
  canInsertNode,
  crel,
  gettext,
  mergeAttributes,
  updateAttrsDialog,
} from "django-prose-editor/editor"

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
  ["", "format_align_center", "picture in the text column"],
  ["left", "format_align_left", "picture on the left, text flows around it"],
  ["right", "format_align_right", "picture on the right, text flows around it"],
  ["wide", "format_align_justify", "picture wider than the text"],
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
        button: buttons.material(icon, gettext(title)),
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

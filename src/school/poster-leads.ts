/** The poster's list of leads and the school's other numbers, fitted to the room left. */
import {
  BOLD,
  FONT,
  GREY,
  INK,
  MARGIN,
  NAVY,
  WIDTH,
  printable,
  sectionHeading,
  tagged,
  type Doc,
  type Struct,
} from './poster-style';

type Contacts = ReadonlyArray<{ name: string; detail: string }>;

/** The leads in one or two columns, shrinking to the space left; never onto the code box. */
export function leads(
  doc: Doc,
  root: Struct,
  people: ReadonlyArray<{ name: string; roleLabel: string }>,
  top: number,
  bottom: number,
): void {
  sectionHeading(doc, root, 'Our safeguarding leads', top);
  const listTop = top + 30;
  const room = bottom - listTop;
  const entries = people.map((p) => ({ name: printable(p.name), role: printable(p.roleLabel) }));
  if (entries.length === 0) {
    root.add(
      tagged(doc, 'P', () => {
        doc
          .font(FONT)
          .fontSize(15)
          .fillColor(GREY)
          .text('Ask the headteacher who the safeguarding leads are.', MARGIN, listTop, {
            width: WIDTH,
          });
      }),
    );
    return;
  }
  const layout = leadLayout(entries, room);
  const list = doc.struct('L');
  root.add(list);
  const columnWidth = (WIDTH - (layout.columns - 1) * 24) / layout.columns;
  const perColumn = Math.ceil(layout.shown.length / layout.columns);
  layout.shown.forEach((entry, index) => {
    const column = Math.floor(index / perColumn);
    const row = index % perColumn;
    const x = MARGIN + column * (columnWidth + 24);
    const y = listTop + row * layout.rowHeight;
    const item = doc.struct('LI');
    list.add(item);
    item.add(
      tagged(doc, 'LBody', () => {
        const options = { width: columnWidth, lineBreak: false, ellipsis: true };
        if (layout.inline) {
          // Crowded: "Name, role" on one line.
          doc
            .font(BOLD)
            .fontSize(layout.nameSize)
            .fillColor(INK)
            .text(`${entry.name}, `, x, y, { ...options, continued: true })
            .font(FONT)
            .fillColor(GREY)
            .text(entry.role, options);
          return;
        }
        doc.font(BOLD).fontSize(layout.nameSize).fillColor(INK).text(entry.name, x, y, options);
        doc
          .font(FONT)
          .fontSize(layout.roleSize)
          .fillColor(GREY)
          .text(entry.role, x, y + layout.nameSize + 3, options);
      }),
    );
    item.end();
  });
  list.end();
  const hidden = entries.length - layout.shown.length;
  if (hidden > 0) {
    const y = listTop + perColumn * layout.rowHeight;
    root.add(
      tagged(doc, 'P', () => {
        doc
          .font(FONT)
          .fontSize(12)
          .fillColor(GREY)
          .text(`and ${hidden} more: Safeguard Desk lists them all.`, MARGIN, y, { width: WIDTH });
      }),
    );
  }
}

interface LeadLayout {
  columns: number;
  nameSize: number;
  roleSize: number;
  rowHeight: number;
  /** Name and role on one line, when even the smallest two-line rows do not fit. */
  inline: boolean;
  shown: Array<{ name: string; role: string }>;
}

/**
 * The largest type that fits, in one column or two; then one line per lead; at the last, fewer
 * names and "N more".
 */
function leadLayout(entries: Array<{ name: string; role: string }>, room: number): LeadLayout {
  for (const nameSize of [20, 18, 16, 14, 12]) {
    const roleSize = Math.round(nameSize * 0.75);
    const rowHeight = nameSize + 3 + roleSize + 12;
    for (const columns of entries.length > 1 ? [1, 2] : [1]) {
      if (Math.ceil(entries.length / columns) * rowHeight <= room) {
        return { columns, nameSize, roleSize, rowHeight, inline: false, shown: entries };
      }
    }
  }
  const inline = { columns: 2, nameSize: 11, roleSize: 11, rowHeight: 17, inline: true };
  const rows = Math.ceil(entries.length / 2);
  if (rows * inline.rowHeight <= room) return { ...inline, shown: entries };
  const fit = Math.max(1, Math.floor((room - 16) / inline.rowHeight));
  return { ...inline, shown: entries.slice(0, fit * 2) };
}

export function contactsHeight(contacts: Contacts): number {
  return 20 + Math.ceil(contacts.length / 2) * 16;
}

/** The school's other numbers (LADO, social care, police…), small, in two columns. */
export function contactList(doc: Doc, root: Struct, contacts: Contacts, top: number): void {
  root.add(
    tagged(doc, 'H3', () => {
      doc
        .font(BOLD)
        .fontSize(12)
        .fillColor(NAVY)
        .text('Other numbers', MARGIN, top, { width: WIDTH });
    }),
  );
  const list = doc.struct('L');
  root.add(list);
  const columnWidth = (WIDTH - 24) / 2;
  const perColumn = Math.ceil(contacts.length / 2);
  contacts.forEach((contact, index) => {
    const x = MARGIN + Math.floor(index / perColumn) * (columnWidth + 24);
    const y = top + 20 + (index % perColumn) * 16;
    list.add(
      tagged(doc, 'LI', () => {
        doc
          .font(BOLD)
          .fontSize(11)
          .fillColor(INK)
          .text(`${printable(contact.name)}: `, x, y, {
            width: columnWidth,
            continued: true,
            lineBreak: false,
          })
          .font(FONT)
          .text(printable(contact.detail), { lineBreak: false, ellipsis: true });
      }),
    );
  });
  list.end();
}

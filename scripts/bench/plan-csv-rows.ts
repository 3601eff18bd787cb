/*
 * A large plan in the plan-import layout, for timing imports and publications. It copies the
 * sample plan's shape (its parts, its spellings of people, committees and wards, the lengths of
 * its text) at any size, the same bytes for the same seed. The expected dates all lie ahead of a
 * plan published in late February 2024, as a forward plan's do, so that a plan drafted from
 * these decisions a fortnight later breaks no notice rule.
 */
import { stringify } from 'csv-stringify/sync';
import { PLAN_COLUMNS, type PlanColumn } from '../../src/plans/plan-csv.ts';

export type PlanCsvRow = Record<PlanColumn, string>;

/** mulberry32: small, fast and the same on every machine. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const PORTFOLIOS: [person: string, portfolio: string][] = [
  ['Gavin Elsey', 'Infrastructure, Environment and Climate Change'],
  ['Ray Bisby', "Children's Services"],
  ['Saqib Farooq', 'Adults and Health'],
  ['Peter Hiller', 'Housing, Growth and Regeneration'],
  ['John Howard', 'Deputy Leader and Cabinet Member for Corporate Governance and Finance'],
  ['Marco Cereste', 'Waste, Street Scene and the Environment'],
  ['Lynne Ayres', 'Education, Skills and the University'],
  ['Nigel Simons', 'Transport and Highways'],
  ['Irene Walsh', 'Communities and Culture'],
  ['Steve Allen', 'Resources and Digital'],
  ['Wayne Fitzgerald', 'Integrated Adult Social Care'],
  ['Andy Coles', 'Public Safety and Community Cohesion'],
  ['Mohammed Jamil', 'Economic Development and Skills'],
  ['Christian Hogg', 'Planning and Strategic Transport'],
];

/** Two spellings per person, as councils print them, and Cabinet: 29 in all. */
const DECISION_MAKERS = [
  'Cabinet',
  ...PORTFOLIOS.flatMap(([person, portfolio]) => {
    const title = portfolio.startsWith('Deputy Leader') ? portfolio : `Cabinet Member for ${portfolio}`;
    return [`${title} - Councillor ${person}`, `Cllr ${person}, ${title}`];
  }),
];

const COMMITTEES = [
  'Adults and Health', 'Children and Education', 'Climate Change and Environment', 'Growth, Resources and Communities',
  'Audit and Governance', 'Housing and Regeneration', 'Transport and Highways', 'Community Safety', 'Health and Wellbeing',
  'Economy and Skills', 'Corporate Parenting', 'Culture and Leisure', 'Planning and Development', 'Digital and Customer Services',
  'Finance and Performance', 'Waste and Street Scene', 'Public Health', 'Equalities and Inclusion', 'Rural Affairs', 'Licensing and Regulation',
].map((name) => `${name} Scrutiny Committee`);

const WARDS = [
  'Central', 'North', 'East', 'West', 'Park', 'Bretton', 'Dogsthorpe', 'Eye, Thorney and Newborough', 'Fletton and Stanground',
  'Fletton and Woodston', 'Glinton and Castor', 'Gunthorpe', 'Hampton Vale', 'Hargate and Hempsted', 'Orton Longueville',
  'Orton Waterville', 'Paston and Walton', 'Ravensthorpe', 'Stanground South', 'Werrington', 'Wittering', 'Barnack',
  'Millfield and New England', 'Orton with Hampton', 'Ravensthorpe South',
];

const DIRECTORATES = [
  'Place and Economy', 'Place & Economy', 'Adults', 'Corporate Services', "Children and Young People's Service",
  'Legal and Governance Department', 'Public Health', 'Resources',
];

const ACTIONS = ['Award of Contract for', 'Approval of', 'Procurement of', 'Recommission of', 'Adoption of', 'Extension of', 'Disposal of', 'Review of'];
const SUBJECTS = [
  'Traffic Signals Supply and Maintenance', 'the Housing Strategy', 'Floating Support Services', 'the Healthy Schools Support Service',
  'Home to School Transport', 'Highway Maintenance Works', 'the Local Nature Recovery Strategy', 'Sexual and Reproductive Health Services',
  'CCTV Shared Service', 'the Bikeability Programme', 'Waste Collection Vehicles', 'Leisure Centre Management', 'the Library Service',
  'Children in Care Placements', 'Temporary Accommodation', 'Street Lighting Upgrades',
];

const SENTENCES = [
  'Authorise the award of a call-off contract for an initial period of five years.',
  'Recommendation of the strategy to Council for adoption.',
  'Approval of delegation arrangements to allow a partner council to implement and manage this contract on our behalf.',
  'The service has been operating across both councils since 2018 at an annual value of £148,520.',
  'This new contract period will give officers time to review effectiveness and evaluate the impact of current provision.',
  'Authorise the Executive Director to negotiate and agree the final terms.',
  'The total cost to the council for this period will be £92,276.66.',
  'To approve the capital programme allocation for the works identified.',
];

const CONSULTATIONS = [
  'Relevant internal and external stakeholder processes',
  'Six-week period of public consultation from 22nd January until 4th March 2024',
  'Feedback sought from existing customers, staff and external partners/stakeholders prior to commencing re-procurement',
  'None required',
  'Consultation will be undertaken prior to construction',
  'A comprehensive consultation will be undertaken with service users, partners and key stakeholders as part of the work needed to inform future commissioning intentions',
];

const OFFICERS = [
  ['Martin Brooker', 'Highway Maintenance and Schemes Commissioning Manager'], ['Anne Keogh', 'Housing Strategy and Implementation Manager'],
  ['Sarah Croxford', 'Senior Commissioner (Accommodation)'], ['Val Thomas', 'Deputy Director of Public Health'],
  ['Lewis Banks', 'Transport and Environment Manager'], ['Felicity Paddick', 'Head of Estates'], ['David Rhodes', 'Commissioning Manager (SEND)'],
];

const DOCUMENTS_PUBLIC = 'It is not anticipated that there will be any documents other than the report and relevant appendices to be published.';
const DOCUMENTS_PRIVATE =
  'Exempt appendices will be submitted for the financial and commercially sensitive submissions. By virtue of paragraph 3, information relating to the financial or business affairs of any particular person (including the authority holding that information).';

/**
 * The references a plan can print: distinct series of 40 (KEY/DDMONYY/NN), some written loosely
 * as older plans did (KEY/3JUL23/01, KEY/11MARCH24/07), all distinct once made canonical.
 */
function keyReference(index: number): string {
  const series = Math.floor(index / 40);
  const day = 1 + (series % 28);
  const month = Math.floor(series / 28) % 12;
  const year = 20 + Math.floor(series / 336);
  const sequence = String((index % 40) + 1).padStart(2, '0');
  const monthWord = series % 9 === 4 ? MONTHS[month]!.toUpperCase() : MONTHS[month]!.slice(0, 3).toUpperCase();
  const dayText = series % 7 === 3 ? String(day) : String(day).padStart(2, '0');
  return `KEY/${dayText}${monthWord}${year}/${sequence}`;
}

/** Between late April 2024 and March 2025, in the shapes the parser reads. */
function expectedDate(pick: <T>(items: readonly T[]) => T, random: () => number): string {
  const monthIndex = 3 + Math.floor(random() * 12); // April 2024 … March 2025
  const year = 2024 + Math.floor(monthIndex / 12);
  const month = MONTHS[monthIndex % 12]!;
  const day = 1 + Math.floor(random() * 28);
  // Without a year the parser reads the next such month on or after publication: only 2024's may go without.
  const yearless = year === 2024 ? `${day} ${month}` : `${day} ${month} ${year}`;
  return pick([`${month} ${year}`, `${day} ${month} ${year}`, yearless, `${day} ${month} ${year} For Consideration`, `${month} ${year}`]);
}

function wardsText(pick: <T>(items: readonly T[]) => T, random: () => number): string {
  const roll = random();
  if (roll < 0.45) return pick(['All Wards', 'All wards', 'All', 'City wide']);
  if (roll < 0.5) return 'N/A';
  if (roll < 0.8) return `${pick(WARDS)} Ward`;
  if (roll < 0.92) return `${pick(WARDS)} Ward and ${pick(WARDS)} Ward`;
  return `${pick(WARDS)}, ${pick(WARDS)} and ${pick(WARDS)}`;
}

function committeesText(pick: <T>(items: readonly T[]) => T, random: () => number): string {
  const roll = random();
  if (roll < 0.05) return 'N/A';
  if (roll < 0.15) return `${pick(COMMITTEES)} and ${pick(COMMITTEES)}`;
  return pick(COMMITTEES);
}

/** The rows of a large plan as records, for tests that change a few before writing the CSV. */
export function largePlanRows(options: { rows: number; seed?: number }): PlanCsvRow[] {
  const random = randomFrom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let references = 0;
  const rows: PlanCsvRow[] = [];
  for (let n = 1; n <= options.rows; n += 1) {
    const roll = random();
    const part = roll < 0.6 ? 'key' : roll < 0.75 ? 'private' : roll < 0.93 ? 'non_key' : 'urgent';
    const keyed = part === 'key' || part === 'urgent' || (part === 'private' && random() < 0.5);
    const [officer, role] = pick(OFFICERS) as [string, string];
    const email = `${officer.toLowerCase().replace(/\s+/g, '.')}@example.gov.uk`;
    const sentences = 1 + Math.floor(random() * 3);
    rows.push({
      part,
      advertised: part === 'urgent' || random() < 0.2 ? 'new' : 'previous',
      reference: keyed ? keyReference(references++) : '',
      // Every title differs: two unreferenced rows with one title are refused as the same decision.
      title: `${pick(ACTIONS)} ${pick(SUBJECTS)} - Lot ${n}`,
      description: Array.from({ length: sentences }, () => pick(SENTENCES)).join(' '),
      decision_maker: pick(DECISION_MAKERS),
      expected_date: expectedDate(pick, random),
      scrutiny_committee: committeesText(pick, random),
      wards: wardsText(pick, random),
      consultation: pick(CONSULTATIONS),
      contacts: `${officer}, ${role}, ${email}${random() < 0.4 ? ', 01733 452272' : ''}`,
      directorate: pick(DIRECTORATES),
      documents: part === 'private' ? DOCUMENTS_PRIVATE : DOCUMENTS_PUBLIC,
    });
  }
  return rows;
}

export function planCsv(rows: PlanCsvRow[]): Buffer {
  return Buffer.from(stringify(rows, { header: true, columns: [...PLAN_COLUMNS] }));
}

/** A valid plan-import CSV of `rows` decisions, the same bytes for the same seed. */
export function largePlanCsv(options: { rows: number; seed?: number }): Buffer {
  return planCsv(largePlanRows(options));
}

/**
 * Thirty trainees on three assignments, for the trainer's desk tests (results-desk.spec.ts): their
 * reports made with encodeReport, and the trainer's own copy of the first assignment naming its
 * ten trainees (one of whom has not reported).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { encodeAssignment, encodeReport, type Report, type ReportScope } from '../../src/lib/assignment';
import type { Lang } from './site';

const SENT = 'sales-course:assigned';
export const DAY = 86_400_000;
export const now = Math.floor(Date.now() / 60_000) * 60_000;
export const isoDay = (offset: number) => {
  const d = new Date(now + offset * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export interface Plan {
  scope: ReportScope;
  lessons: string[];
  /** lesson → its exercises */
  exercises: Record<string, string[]>;
  /** A lesson with no exercise, left undone by those nearly done */
  gap: string;
  names: string[];
}

export const PLANS: Plan[] = [
  {
    scope: {
      id: 'desk0001',
      title: 'Q1 onboarding — Attiecību pārdošana',
      due: isoDay(-3),
      modules: ['relationship-types'],
      lessons: ['sales-and-service/sales-vs-service'],
    },
    lessons: [
      'sales-and-service/sales-vs-service',
      'relationship-types/four-types',
      'relationship-types/choosing-the-level',
    ],
    exercises: {
      'sales-and-service/sales-vs-service': ['sales-or-service-sort'],
      'relationship-types/choosing-the-level': ['relationship-scenarios'],
    },
    gap: 'relationship-types/four-types',
    names: [
      'Anna-Marija Bērziņa-Kalniņa',
      'Juris Ozoliņš',
      '王小明',
      'Siti Nurhaliza binti Abdul Rahman',
      'Kārlis Zariņš',
      '李娜',
      'Muhammad Faiz bin Ismail',
      'Līga Vītola',
      '欧阳建国',
      // Named in the assignment, no report yet.
      'Pēteris Kļaviņš',
    ],
  },
  {
    scope: {
      id: 'desk0002',
      title: '关系销售 — Relationship selling',
      due: isoDay(5),
      modules: ['relationship-selling'],
      lessons: [],
    },
    lessons: [
      'relationship-selling/what-relationship-selling-is',
      'relationship-selling/relationship-oriented-selling',
      'relationship-selling/building-the-relationship',
      'relationship-selling/qualifying-prospects',
      'relationship-selling/four-elements',
    ],
    exercises: {
      'relationship-selling/relationship-oriented-selling': ['which-approach-fits'],
      'relationship-selling/four-elements': ['four-elements-match'],
    },
    gap: 'relationship-selling/what-relationship-selling-is',
    names: [
      'Ilze Liepiņa',
      '陈美玲',
      'Nurul Aisyah binti Hassan',
      'Edgars Krūmiņš',
      '张伟',
      'Ahmad Zulkifli',
      'Ieva Ozola',
      '黄志强',
      'Farah Hanim',
      'Mārtiņš Bērziņš',
    ],
  },
  {
    scope: { id: 'desk0003', title: 'Klausīšanās un saziņa', modules: ['listening-and-communicating'], lessons: [] },
    lessons: [
      'listening-and-communicating/listening-and-responding',
      'listening-and-communicating/active-communication',
      'listening-and-communicating/business-courtesy',
    ],
    exercises: {},
    gap: 'listening-and-communicating/listening-and-responding',
    names: [
      'Zane Grīnberga',
      '刘洋',
      'Tan Wei Ming',
      'Rūta Jansone',
      '周杰',
      'Lim Siew Ling',
      'Andris Šmits',
      '吴静',
      'Hafiz Rahman',
      'Dace Kalniņa',
    ],
  },
];
export const LOWEST = 'Juris Ozoliņš';
export const exerciseTitle = (lang: Lang, id: string): string =>
  parse(readFileSync(`content/exercises/${lang}/${id}.yaml`, 'utf8')).title;

/**
 * Trainee k of a plan: every 4th from 0 done before the due date, 3, 7 done after it, 1, 5, 9 all
 * but one lesson, 2, 6 nothing yet. Scores from 40 % up; Juris (k = 1) the lowest of the first group.
 */
export function reportOf(plan: Plan, k: number, at = now - 2 * 3_600_000): Report {
  const kind = [0, 4, 8].includes(k) ? 'early' : [3, 7].includes(k) ? 'late' : [2, 6].includes(k) ? 'none' : 'most';
  const when = kind === 'late' ? now - 1 * DAY : now - 5 * DAY;
  const read = kind === 'none' ? [] : plan.lessons.filter((l) => kind !== 'most' || l !== plan.gap);
  const best = plan.names[k] === LOWEST ? 0.15 : Math.round((0.4 + 0.06 * k) * 100) / 100;
  return {
    assignment: plan.scope,
    name: plan.names[k],
    at: Math.floor(at / 60_000) * 60_000,
    read: read.map((lesson) => ({ lesson, at: Math.floor(when / 60_000) * 60_000 })),
    // The assignment's second exercise a little harder than its first.
    exercises: read.flatMap((l) =>
      (plan.exercises[l] ?? []).map((id) => {
        const score = Math.round((best - (Object.values(plan.exercises).flat().indexOf(id) ? 0.1 : 0)) * 100) / 100;
        return { id, best: score, latest: Math.max(0, Math.round((score - 0.05) * 100) / 100), attempts: 1 + (k % 3) };
      }),
    ),
  };
}

/** The trainer's own copy of the first assignment, naming its ten trainees (one has not reported). */
export async function seed(page: Page) {
  const code = encodeAssignment({ ...PLANS[0].scope, lessons: PLANS[0].scope.lessons });
  await page.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    [SENT, JSON.stringify([{ code, added: 1, trainees: PLANS[0].names }])],
  );
}

export async function allCodes() {
  return Promise.all(
    PLANS.flatMap((plan) =>
      plan.names.flatMap((name, k) => (name === 'Pēteris Kļaviņš' ? [] : [encodeReport(reportOf(plan, k))])),
    ),
  );
}

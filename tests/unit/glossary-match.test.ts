import { describe, expect, it } from 'vitest';
import { termAppearsIn, termForms } from '../../src/lib/glossary';

describe('termForms', () => {
  it('splits a term into the forms it may be written in', () => {
    expect(termForms('CSAT (customer satisfaction score)')).toEqual([
      'CSAT (customer satisfaction score)',
      'CSAT',
      'customer satisfaction score',
    ]);
    expect(termForms('Contract / bond')).toEqual(['Contract / bond', 'Contract', 'bond']);
    expect(termForms('客户满意度（CSAT）')).toContain('CSAT');
  });
});

describe('termAppearsIn', () => {
  it('finds English terms with plural endings, not inside other words', () => {
    expect(termAppearsIn('Switching cost', 'High switching costs keep them together.', 'en')).toBe(true);
    expect(termAppearsIn('Trust', 'They distrust him.', 'en')).toBe(false);
  });

  it('finds Latvian terms in other cases', () => {
    expect(termAppearsIn('Attiecību pārdošana', 'Tas ir attiecību pārdošanas pamats.', 'lv')).toBe(true);
    expect(termAppearsIn('Uzticēšanās', 'bez uzticēšanās nekas nenotiek', 'lv')).toBe(true);
    expect(termAppearsIn('Partnerība', 'stratēģiskā alianse', 'lv')).toBe(false);
  });

  it('finds Chinese terms as written', () => {
    expect(termAppearsIn('关系销售', '什么是关系销售？', 'zh')).toBe(true);
    expect(termAppearsIn('互惠', '双方都有所得', 'zh')).toBe(false);
  });
});

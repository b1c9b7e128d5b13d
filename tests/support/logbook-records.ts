// Complete records of each logbook, as a form would send them to be finalised, and the
// registry entries they point at.
import type { Core } from '../../electron/core/core';
import type { DraftData } from '../../electron/core/contract/logbooks';
import type { LogbookKind } from '../../shared/logbook-choices';
import { ok } from './core-harness';

export interface Refs {
  readonly villageId: string;
  readonly figureId: string;
  readonly placeId: string;
}

export const consentGiven = { given: true, date: '2026-10-02', method: 'written', recordedBy: 'H Hoa Byă' } as const;

/** A village, a figure and a place of worship to point records at. */
export async function addRefs(core: Core): Promise<Refs> {
  const village = await ok(core, 'registry.save', { registry: 'villages', data: { name: 'Buôn Ea Bhốk', type: 'buon', households: 212 } });
  const figure = await ok(core, 'registry.save', {
    registry: 'figures',
    data: {
      fullName: 'Y Kông Ayun',
      sex: 'male',
      birthYear: 1951,
      categories: ['villageElder'],
      ethnicity: 'Ê Đê',
      languages: ['rad', 'vi'],
      villageId: village.id,
      consent: consentGiven,
    },
  });
  const place = await ok(core, 'registry.save', {
    registry: 'places',
    data: {
      name: 'Nhà thờ Tin Lành buôn Ea Bhốk',
      religion: 'protestantism',
      villageId: village.id,
      dignitaries: [{ name: 'Y Djuan Mlô', title: 'Mục sư' }],
    },
  });
  return { villageId: village.id, figureId: figure.id, placeId: place.id };
}

/** Everything a final record of each kind needs, on 24 November 2026. */
export function finalData<K extends LogbookKind>(kind: K, refs: Refs, occurredAt = '2026-11-24T07:30'): DraftData<K> {
  const each: { [L in LogbookKind]: DraftData<L> } = {
    loudspeaker: {
      occurredAt,
      endedAt: occurredAt.replace(/T\d\d/, (hour) => `T${String(Number(hour.slice(1)) + 1).padStart(2, '0')}`),
      villageId: refs.villageId,
      operator: 'Nguyễn Văn Tâm',
      materials: [{ source: 'free', text: 'Thông báo lịch tiêm chủng mở rộng' }],
      source: 'own',
      languages: ['vi', 'rad'],
      repeats: 2,
    },
    figureOutreach: {
      occurredAt,
      figureId: refs.figureId,
      villageId: refs.villageId,
      audience: { total: 40, male: 18, female: 22 },
      languages: ['rad'],
      materials: [],
      topics: ['Phòng chống sốt xuất huyết'],
      questions: ['Thuốc diệt muỗi lấy ở đâu?'],
      followUps: [],
    },
    worshipOutreach: {
      occurredAt,
      placeId: refs.placeId,
      staff: 'Trần Thị Lan',
      dignitariesMet: ['Y Djuan Mlô'],
      conveyed: 'Quy định mới về đăng ký sinh hoạt tôn giáo tập trung',
      materials: [],
      followUps: [],
    },
    rumour: {
      occurredAt,
      content: 'Tin đồn uống nước lá cây chữa khỏi sốt xuất huyết',
      place: 'Chợ buôn Ea Bhốk',
      channels: ['zalo', 'wordOfMouth'],
      answeredBy: [],
      status: 'new',
    },
    leafletHandout: {
      occurredAt,
      leaflet: { source: 'pack', materialId: 'vn.daklak.health/sot-xuat-huyet', title: 'Phòng chống sốt xuất huyết', language: 'rad' },
      language: 'rad',
      copies: 150,
      villageId: refs.villageId,
      handedOutBy: 'H Mai Niê',
    },
  };
  return each[kind];
}

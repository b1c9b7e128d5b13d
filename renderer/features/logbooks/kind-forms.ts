import type { ComponentType } from 'react';
import type { LogbookKind } from '../../../electron/core/contract';
import { figureOutreachDefaults, FigureOutreachForm } from './FigureOutreachForm';
import type { FormValues } from './form-memory';
import { leafletHandoutDefaults, LeafletHandoutForm } from './LeafletHandoutForm';
import { loudspeakerData, loudspeakerDefaults, LoudspeakerForm } from './LoudspeakerForm';
import { rumourData, rumourDefaults, RumourForm } from './RumourForm';
import { worshipOutreachDefaults, WorshipOutreachForm } from './WorshipOutreachForm';

/** What a new record starts from: the time now, and the person at the laptop where a name is asked. */
export interface NewRecordContext {
  readonly now: Date;
  readonly name: string | undefined;
}

interface KindForm {
  readonly Form: ComponentType;
  /** A new record's values; lists that may stay empty start empty, so "none" is an answer. */
  readonly defaults: (context: NewRecordContext) => FormValues;
  /** Drops what the form keeps but the record must not say (a choice's details once the choice is undone). */
  readonly toData?: (values: FormValues) => FormValues;
}

export const kindForms: Record<LogbookKind, KindForm> = {
  loudspeaker: { Form: LoudspeakerForm, defaults: loudspeakerDefaults, toData: loudspeakerData },
  figureOutreach: { Form: FigureOutreachForm, defaults: figureOutreachDefaults },
  worshipOutreach: { Form: WorshipOutreachForm, defaults: worshipOutreachDefaults },
  rumour: { Form: RumourForm, defaults: rumourDefaults, toData: rumourData },
  leafletHandout: { Form: LeafletHandoutForm, defaults: leafletHandoutDefaults },
};

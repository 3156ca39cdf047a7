/**
 * The forms shipped in forms/. Static JSON imports, so bundlers ship them with the app; each is
 * parsed like any other definition, so a broken shipped form fails as loudly as a school's own.
 * Every published version stays listed: a concern filed with v1 is still checked against v1.
 */
import confidentialityV1 from '../../forms/breach-of-confidentiality.v1.json' with { type: 'json' };
import confidentialityV2 from '../../forms/breach-of-confidentiality.v2.json' with { type: 'json' };
import parentContactV1 from '../../forms/contact-from-parent-or-carer.v1.json' with { type: 'json' };
import parentContactV2 from '../../forms/contact-from-parent-or-carer.v2.json' with { type: 'json' };
import derogatoryLanguageV1 from '../../forms/derogatory-language.v1.json' with { type: 'json' };
import derogatoryLanguageV2 from '../../forms/derogatory-language.v2.json' with { type: 'json' };
import imagesOfStaffV1 from '../../forms/inappropriate-images-of-staff.v1.json' with { type: 'json' };
import imagesOfStaffV2 from '../../forms/inappropriate-images-of-staff.v2.json' with { type: 'json' };
import indecentImagesV1 from '../../forms/indecent-images-or-illegal-activity.v1.json' with { type: 'json' };
import indecentImagesV2 from '../../forms/indecent-images-or-illegal-activity.v2.json' with { type: 'json' };
import otherConcernV1 from '../../forms/other-online-concern.v1.json' with { type: 'json' };
import otherConcernV2 from '../../forms/other-online-concern.v2.json' with { type: 'json' };
import postsAboutStaffV1 from '../../forms/posts-about-staff-by-others.v1.json' with { type: 'json' };
import postsAboutStaffV2 from '../../forms/posts-about-staff-by-others.v2.json' with { type: 'json' };
import contactWithPupilV1 from '../../forms/private-online-contact-with-pupil.v1.json' with { type: 'json' };
import contactWithPupilV2 from '../../forms/private-online-contact-with-pupil.v2.json' with { type: 'json' };
import contactLogV1 from '../../forms/professional-online-contact-log.v1.json' with { type: 'json' };
import unauthorisedPageV1 from '../../forms/unauthorised-school-page-or-group.v1.json' with { type: 'json' };
import unauthorisedPageV2 from '../../forms/unauthorised-school-page-or-group.v2.json' with { type: 'json' };
import { parseFormDefinition, type FormDefinition } from './definition';
import { checkFileName } from './file-name';

const shipped: ReadonlyArray<readonly [fileName: string, json: unknown]> = [
  ['private-online-contact-with-pupil.v1.json', contactWithPupilV1],
  ['private-online-contact-with-pupil.v2.json', contactWithPupilV2],
  ['indecent-images-or-illegal-activity.v1.json', indecentImagesV1],
  ['indecent-images-or-illegal-activity.v2.json', indecentImagesV2],
  ['breach-of-confidentiality.v1.json', confidentialityV1],
  ['breach-of-confidentiality.v2.json', confidentialityV2],
  ['derogatory-language.v1.json', derogatoryLanguageV1],
  ['derogatory-language.v2.json', derogatoryLanguageV2],
  ['inappropriate-images-of-staff.v1.json', imagesOfStaffV1],
  ['inappropriate-images-of-staff.v2.json', imagesOfStaffV2],
  ['posts-about-staff-by-others.v1.json', postsAboutStaffV1],
  ['posts-about-staff-by-others.v2.json', postsAboutStaffV2],
  ['contact-from-parent-or-carer.v1.json', parentContactV1],
  ['contact-from-parent-or-carer.v2.json', parentContactV2],
  ['unauthorised-school-page-or-group.v1.json', unauthorisedPageV1],
  ['unauthorised-school-page-or-group.v2.json', unauthorisedPageV2],
  ['professional-online-contact-log.v1.json', contactLogV1],
  ['other-online-concern.v1.json', otherConcernV1],
  ['other-online-concern.v2.json', otherConcernV2],
];

/** A parsed form and where it came from, so a clash can name both files. */
export interface SourcedForm {
  form: FormDefinition;
  source: string;
  builtIn: boolean;
}

/** Parses every shipped form; the file name must match the id and version inside it. */
export function builtInForms(): SourcedForm[] {
  return shipped.map(([fileName, json]) => {
    const source = `forms/${fileName}`;
    const form = parseFormDefinition(json, source);
    checkFileName(fileName, form, source);
    return { form, source, builtIn: true };
  });
}

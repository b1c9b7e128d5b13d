// Letters, not sentences: the marks each script needs, to prove the bundled font draws
// them. Vietnamese tone marks stacked on circumflex and horn; the Ê Đê and J'rai letters
// ƀ č ñ and the breve (ĕ ĭ ŏ ŭ, and the combining breve U+0306 over ê ô ơ ư, which have no
// precomposed form); the combining macron below U+0331 of M'nông spellings.
const breve = '\u0306';
const macronBelow = '\u0331';

export const vietnameseSpecimen = 'Đắk Lắk · ầ ẩ ẫ ấ ậ · ề ể ễ ế ệ · ồ ổ ỗ ố ộ · ờ ở ỡ ớ ợ · ừ ử ữ ứ ự · ỳ ỷ ỹ ý ỵ · đ Đ';

export const minoritySpecimen = [
  'ƀ Ƀ č Č ñ Ñ',
  'ĕ Ĕ ĭ Ĭ ŏ Ŏ ŭ Ŭ',
  ['ê', 'Ê', 'ô', 'Ô', 'ơ', 'Ơ', 'ư', 'Ư'].map((letter) => letter + breve).join(' '),
  ['a', 'e', 'i', 'o', 'u'].map((letter) => letter + macronBelow).join(' '),
].join(' · ');

"""Decontextualisation: what a pronoun stands for, so each claim reads on its own.

A light centering-style resolver (no coreference model ships offline with spaCy's small pipeline), which
resolves only when sure (faithful before clever; an unresolved pronoun stays as written and the claim is flagged):
- he/she/him/his/her -> the one person named in this and the previous sentence, named there as a subject, with no
  nearer subject before the pronoun and no sign in the article of the other gender (person_subject);
- it/its -> the nearest thing subject before it in its sentence, else the subject of the previous sentence when that
  is a thing (not a person) and no other subject stands between (subject_antecedent); expletive "it" ("it is likely
  that", "as it turned out") is left alone;
- they/them/their -> the nearest plural subject before it, else the previous plural subject, on the same terms.
A wrong antecedent costs more than none, so a he/she is left as written when a proper-noun subject of its own
clause may be another person (own_sentence_subject) or a pronoun of the same gender just before stands for someone
else (competing_pronoun), and "it" never stands for a person (it_not_person); a bare surname the article gives two
people stays as written (family_surname, entities.py). An it/its/they/their stays as written when another noun
phrase nearby may be meant or its antecedent owns nothing (rivals: possessive_owner, object_it, organisation_it,
bare_noun_antecedent).
The pipeline substitutes the antecedent only when the claim does not already name it.

One module each: pronouns (`antecedents`, the pass over the sentences), subjects (the subjects a pronoun may stand
for), people (when he/she is sure), rivals (when an it/they antecedent found is not sure after all), expletives (an "it" that stands for nothing), descriptions
(`definite_descriptions`: "the company", "this law", "the move"); referents holds the pronoun classes and labels
they share.
"""

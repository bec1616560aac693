# English pages keep the id-ID conventions (day before month, 24-hour
# clock with a dot, dot for thousands) so numbers read the same in both;
# only the month names, which Django translates, differ.
from peluit.formats.id.formats import *  # noqa: F403

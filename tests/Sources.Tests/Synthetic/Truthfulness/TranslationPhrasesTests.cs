using MultiTrust.Sources.Synthetic.Truthfulness;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

public sealed class TranslationPhrasesTests
{
    // Hand-checked: word order, plural forms and gender agreement of each language.
    [Theory]
    [InlineData(1, 0, 1, "three black cats", "trois chats noirs", "tres gatos negros", "drei schwarze Katzen", "tre gatti neri")]
    [InlineData(18, 1, 5, "twenty white cows", "vingt vaches blanches", "veinte vacas blancas", "zwanzig weiße Kühe", "venti mucche bianche")]
    [InlineData(14, 6, 7, "sixteen grey sheep", "seize moutons gris", "dieciséis ovejas grises", "sechzehn graue Schafe", "sedici pecore grigie")]
    [InlineData(0, 4, 6, "two blue mice", "deux souris bleues", "dos ratones azules", "zwei blaue Mäuse", "due topi blu")]
    [InlineData(15, 5, 4, "seventeen yellow goats", "dix-sept chèvres jaunes", "diecisiete cabras amarillas", "siebzehn gelbe Ziegen", "diciassette capre gialle")]
    [InlineData(9, 2, 11, "eleven red wolves", "onze loups rouges", "once lobos rojos", "elf rote Wölfe", "undici lupi rossi")]
    [InlineData(6, 3, 3, "eight green birds", "huit oiseaux verts", "ocho pájaros verdes", "acht grüne Vögel", "otto uccelli verdi")]
    public void Translate_KnownPhrases(int number, int colour, int animal, string english, string french, string spanish, string german, string italian)
    {
        var phrases = TranslationPhrases.Shipped;

        Assert.Equal(english, phrases.English(number, colour, animal));
        Assert.Equal([french, spanish, german, italian], Enumerable.Range(0, 4).Select(l => phrases.Translate(l, number, colour, animal)));
    }

    [Fact]
    public void Shipped_VocabularySizes()
    {
        var phrases = TranslationPhrases.Shipped;

        Assert.Equal((19, 7, 12), (phrases.Numbers, phrases.Colours, phrases.Animals));
        Assert.Equal(["French", "Spanish", "German", "Italian"], TranslationPhrases.Languages);
    }

    [Fact]
    public void Translate_EveryPhrase_DistinctWithinItsLanguage()
    {
        var phrases = TranslationPhrases.Shipped;

        for (var language = 0; language < 4; language++)
        {
            var all = from n in Enumerable.Range(0, phrases.Numbers)
                      from c in Enumerable.Range(0, phrases.Colours)
                      from a in Enumerable.Range(0, phrases.Animals)
                      select phrases.Translate(language, n, c, a);
            Assert.Equal(19 * 7 * 12, all.Distinct().Count());
        }
    }
}

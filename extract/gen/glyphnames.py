# Writes glyphnames.go; run from the extract folder: python3 gen/glyphnames.py
import unicodedata
import json
def gq(s):
    return json.dumps(s, ensure_ascii=True)
names = {}
# letters and digits
for c in range(0x21,0x7f):
    ch=chr(c)
    if ch.isalnum() and ch.isascii(): names[ch]=ch
digits="zero one two three four five six seven eight nine".split()
for i,d in enumerate(digits): names[d]=str(i); names[d+'oldstyle']=str(i); names[d+'.oldstyle']=str(i)
accents={'ACUTE':'acute','GRAVE':'grave','CIRCUMFLEX':'circumflex','DIAERESIS':'dieresis','TILDE':'tilde','RING ABOVE':'ring','CEDILLA':'cedilla','CARON':'caron','MACRON':'macron','BREVE':'breve','OGONEK':'ogonek','DOT ABOVE':'dotaccent','DOUBLE ACUTE':'hungarumlaut','STROKE':'slash'}
for cp in range(0xC0,0x250):
    n=unicodedata.name(chr(cp),'')
    for pre,case in (('LATIN CAPITAL LETTER ',str.upper),('LATIN SMALL LETTER ',str.lower)):
        if n.startswith(pre):
            rest=n[len(pre):]
            if ' WITH ' in rest:
                base,acc=rest.split(' WITH ',1)
                if len(base)==1 and acc in accents:
                    names[case(base)+accents[acc]]=chr(cp)
punct = dict(space=' ',exclam='!',quotedbl='"',numbersign='#',dollar='$',percent='%',ampersand='&',quotesingle="'",quoteright='\u2019',parenleft='(',parenright=')',asterisk='*',plus='+',comma=',',hyphen='-',period='.',slash='/',colon=':',semicolon=';',less='<',equal='=',greater='>',question='?',at='@',bracketleft='[',backslash='\\',bracketright=']',asciicircum='^',underscore='_',grave='`',quoteleft='\u2018',braceleft='{',bar='|',braceright='}',asciitilde='~',
 exclamdown='¡',cent='¢',sterling='£',fraction='⁄',yen='¥',florin='ƒ',section='§',currency='¤',quotedblleft='“',guillemotleft='«',guilsinglleft='‹',guilsinglright='›',fi='ﬁ',fl='ﬂ',ff='ﬀ',ffi='ﬃ',ffl='ﬄ',endash='–',dagger='†',daggerdbl='‡',periodcentered='·',paragraph='¶',bullet='•',quotesinglbase='‚',quotedblbase='„',quotedblright='”',guillemotright='»',ellipsis='…',perthousand='‰',questiondown='¿',acute='´',circumflex='ˆ',tilde='˜',macron='¯',breve='˘',dotaccent='˙',dieresis='¨',ring='˚',cedilla='¸',hungarumlaut='˝',ogonek='˛',caron='ˇ',emdash='—',AE='Æ',ordfeminine='ª',Lslash='Ł',Oslash='Ø',OE='Œ',ordmasculine='º',ae='æ',dotlessi='ı',lslash='ł',oslash='ø',oe='œ',germandbls='ß',
 Euro='€',trademark='™',registered='®',copyright='©',degree='°',plusminus='±',multiply='×',divide='÷',mu='µ',brokenbar='¦',logicalnot='¬',onehalf='½',onequarter='¼',threequarters='¾',onesuperior='¹',twosuperior='²',threesuperior='³',Eth='Ð',eth='ð',Thorn='Þ',thorn='þ',minus='−',nbspace='\u00a0',nonbreakingspace='\u00a0',sfthyphen='\u00ad',softhyphen='\u00ad',uni00A0='\u00a0',arrowright='→',arrowleft='←',arrowup='↑',arrowdown='↓',arrowboth='↔',checkmark='✓',lozenge='◊',notequal='≠',lessequal='≤',greaterequal='≥',infinity='∞',summation='∑',product='∏',radical='√',integral='∫',approxequal='≈',partialdiff='∂',Delta='∆',Omega='Ω',pi='π',alpha='α',beta='β',gamma='γ',delta='δ',epsilon='ε',lamda='λ',sigma='σ',theta='θ',omega='ω',dotlessj='ȷ',Dcroat='Đ',dcroat='đ',Hbar='Ħ',hbar='ħ',IJ='Ĳ',ij='ĳ',Ldot='Ŀ',ldot='ŀ',napostrophe='ŉ',Eng='Ŋ',eng='ŋ',Tbar='Ŧ',tbar='ŧ',longs='ſ',kgreenlandic='ĸ',
 filledbox='■',H22073='□',H18543='▪',H18551='▫',filledrect='▬',triagup='▲',triagrt='►',triagdn='▼',triaglf='◄',circle='○',H18533='●',openbullet='◦',square='□',blackcircle='●',whitebullet='◦',figuredash='‒',quotereversed='‛',twodotenleader='‥',onedotenleader='․',minute='′',second='″',afii61352='№',afii00208='―',underscoredbl='‗',exclamdbl='‼',
 zerowidthspace='\u200b',enspace='\u2002',emspace='\u2003',thinspace='\u2009',hairspace='\u200a',
)
names.update(punct)

out=['// Code generated from Unicode character names and the Adobe Glyph List conventions; DO NOT EDIT.','','package extract','','// glyphNames maps common glyph names to their Unicode text.','var glyphNames = map[string]string{']
for k in sorted(names):
    out.append('\t%s: %s,' % (json_q(k) if False else '"'+k+'"', '"'+names[k].encode('unicode_escape').decode().replace('"','\\"') .replace("\\x","\\u00")+'"'))
out.append('}')
open('glyphnames.go','w').write('\n'.join(out)+'\n')
print(len(names))

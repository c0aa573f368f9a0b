<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../ui/pages/feedback.py" line="118"/>
        <source>No session yet. Record a rehearsal or open one from History.</source>
        <translation>还没有排练记录。录一段排练，或者从“历史”里打开一段。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="122"/>
        <location filename="../../ui/pages/feedback_player.py" line="117"/>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="124"/>
        <source>Play or pause the recording (click a word to start there)</source>
        <translation>播放或暂停录音（点一个词从那里开始）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="127"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="129"/>
        <source>Rehearse again</source>
        <translation>再练一遍</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="131"/>
        <source>Hear model delivery</source>
        <translation>听示范朗读</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="133"/>
        <source>Hear your script read at the profile&apos;s pace, pausing after figures</source>
        <translation>按目标语速朗读你的讲稿，数字之后会停顿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="162"/>
        <source>Click a word to hear it.</source>
        <translation>点一个词就能听到那里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="172"/>
        <source>&lt;b&gt;Tips&lt;/b&gt;, most important first (click one to go there)</source>
        <translation>&lt;b&gt;建议&lt;/b&gt;，最重要的在前（点一条跳到那里）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="261"/>
        <source>&lt;b&gt;{0} match&lt;/b&gt; out of 100</source>
        <translation>&lt;b&gt;{0} 匹配度&lt;/b&gt;（满分100）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="326"/>
        <source>Nothing to fix against this profile: well done.</source>
        <translation>对照这个风格没有需要改的地方：讲得好。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_player.py" line="115"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <location filename="../../ui/i18n.py" line="29"/>
        <source>Figures per 100 words</source>
        <translation>每100词的数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30"/>
        <source>Figures per 100 characters</source>
        <translation>每100字的数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31"/>
        <source>Figures per minute</source>
        <translation>每分钟的数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32"/>
        <source>Longest stretch without a figure</source>
        <translation>最长的无数字时段</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33"/>
        <source>Figures that land</source>
        <translation>说完停顿的数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34"/>
        <source>Hype and jargon per 100 words</source>
        <translation>每100词的夸大和黑话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35"/>
        <source>Hype and jargon per 100 characters</source>
        <translation>每100字的夸大和黑话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36"/>
        <source>Words per sentence</source>
        <translation>每句词数</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37"/>
        <source>Characters per sentence</source>
        <translation>每句字数</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38"/>
        <source>Long sentences</source>
        <translation>长句</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39"/>
        <source>Reading ease (Flesch)</source>
        <translation>易读度（Flesch）</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40"/>
        <source>Story sentences</source>
        <translation>故事句</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41"/>
        <source>Questions per 1,000 words</source>
        <translation>每1000词的提问</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42"/>
        <source>Questions per 1,000 characters</source>
        <translation>每1000字的提问</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43"/>
        <source>Opening hooks</source>
        <translation>开场亮点</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44"/>
        <source>Humble close</source>
        <translation>谦虚收尾</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45"/>
        <source>Fillers per 100 words</source>
        <translation>每100词的口头禅</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46"/>
        <source>Fillers per 100 characters</source>
        <translation>每100字的口头禅</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="47"/>
        <source>Accidental repeats per 100 words</source>
        <translation>每100词的无意重复</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>Accidental repeats per 100 characters</source>
        <translation>每100字的无意重复</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49"/>
        <source>Pace</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="50"/>
        <source>Articulation rate</source>
        <translation>发音语速</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <source>Pace variety</source>
        <translation>语速变化</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52"/>
        <source>Pitch variety</source>
        <translation>音高变化</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>Monotone stretches</source>
        <translation>平淡时段</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54"/>
        <source>Time in pauses</source>
        <translation>停顿时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>Long pauses per minute</source>
        <translation>每分钟长停顿</translation>
    </message>
</context>
<context>
    <name>TraitCard</name>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="192"/>
        <source> (target {0})</source>
        <translation>（目标 {0}）</translation>
    </message>
</context>
<context>
    <name>Traits</name>
    <message>
        <location filename="../../ui/i18n.py" line="17"/>
        <source>Numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="18"/>
        <source>Pace</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="19"/>
        <source>Pauses</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="20"/>
        <source>Plain words</source>
        <translation>大白话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="21"/>
        <source>Stories</source>
        <translation>故事</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="22"/>
        <source>Questions</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="23"/>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="24"/>
        <source>Close</source>
        <translation>收尾</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="25"/>
        <source>Fillers</source>
        <translation>口头禅</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
</context>
</TS>

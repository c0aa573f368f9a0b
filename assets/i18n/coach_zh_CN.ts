<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdherencePanel</name>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="104"/>
        <source>Comparing with the script…</source>
        <translation>正在与讲稿对比…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="124"/>
        <source>Could not compare with the script: {0}</source>
        <translation>无法与讲稿对比：{0}</translation>
    </message>
</context>
<context>
    <name>ClassTableDialog</name>
    <message>
        <location filename="../../ui/pages/class_table.py" line="45"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="46"/>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="47"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="48"/>
        <source>Words</source>
        <translation>词数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="49"/>
        <source>wpm</source>
        <translation>词/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="50"/>
        <source>Figures/100 w</source>
        <translation>数字/100词</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="51"/>
        <source>Figures/min</source>
        <translation>数字/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="52"/>
        <source>Hype/100 w</source>
        <translation>夸大/100词</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="53"/>
        <source>Top tip</source>
        <translation>首要建议</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="85"/>
        <location filename="../../ui/pages/class_table.py" line="239"/>
        <source>Class: {0}</source>
        <translation>班级：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="97"/>
        <source>Scoring the talks in {0} …</source>
        <translation>正在为 {0} 里的演讲打分…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="105"/>
        <source>Starting the workers…</source>
        <translation>正在启动工作进程…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="107"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="135"/>
        <source>Open feedback</source>
        <translation>打开反馈</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="139"/>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="203"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="214"/>
        <source>The import stopped: {0}</source>
        <translation>导入已停止：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="230"/>
        <source>Stopped. Import the folder again to finish: scored talks are kept.</source>
        <translation>已停止。再次导入该文件夹即可完成：已打分的演讲会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="308"/>
        <source>Save the class table</source>
        <translation>保存班级表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="310"/>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="218"/>
        <source>Select two sessions and press Compare.</source>
        <translation>选中两次会话，再点“对比”。</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/models.py" line="318"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="319"/>
        <source>First</source>
        <translation>第一次</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="320"/>
        <source>Second</source>
        <translation>第二次</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="321"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="322"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../ui/pages/profiles.py" line="47"/>
        <source>Duplicate profile</source>
        <translation>复制风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="48"/>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../ui/pages/feedback.py" line="123"/>
        <source>No session yet. Record a rehearsal or open one from History.</source>
        <translation>还没有排练记录。录一段排练，或者从“历史”里打开一段。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="127"/>
        <location filename="../../ui/pages/feedback_player.py" line="121"/>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="129"/>
        <source>Play or pause the recording (click a word to start there)</source>
        <translation>播放或暂停录音（点一个词从那里开始）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="132"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="134"/>
        <source>Rehearse again</source>
        <translation>再练一遍</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="136"/>
        <source>Hear model delivery</source>
        <translation>听示范朗读</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="138"/>
        <source>Hear your script read at the profile&apos;s pace, pausing after figures</source>
        <translation>按目标语速朗读你的讲稿，数字之后会停顿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="263"/>
        <source>{0} characters</source>
        <translation>{0} 字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="263"/>
        <source>{0} words</source>
        <translation>{0} 词</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="271"/>
        <source>{0} figures</source>
        <translation>{0} 个数字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="273"/>
        <source>typed text</source>
        <translation>文字稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="274"/>
        <source>Session {0}</source>
        <translation>会话 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="436"/>
        <source>Exporting {0}…</source>
        <translation>正在导出 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="453"/>
        <source>Saved the report to {0}</source>
        <translation>报告已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="471"/>
        <source>Preparing the model delivery…</source>
        <translation>正在准备示范朗读…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="490"/>
        <source>Model delivery: {0:.0f} wpm, pauses after figures (play the recording again with Play).</source>
        <translation>示范朗读：每分钟 {0:.0f} 词，数字后停顿（点“播放”可再听录音）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="177"/>
        <source>&lt;b&gt;Tips&lt;/b&gt;, most important first (click one to go there)</source>
        <translation>&lt;b&gt;建议&lt;/b&gt;，最重要的在前（点一条跳到那里）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="167"/>
        <source>Click a word to hear it.</source>
        <translation>点一个词就能听到那里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="202"/>
        <source>&lt;b&gt;Every trait&lt;/b&gt; (hover a card for all its measures)</source>
        <translation>&lt;b&gt;各项特点&lt;/b&gt;（鼠标移到卡片上可看全部指标）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="260"/>
        <source>{0} match, 0-100</source>
        <translation>{0} 匹配度，0–100</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="277"/>
        <source>&lt;b&gt;{0} match&lt;/b&gt; out of 100</source>
        <translation>&lt;b&gt;{0} 匹配度&lt;/b&gt;（满分100）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="295"/>
        <source>Scored again with {0}.</source>
        <translation>已用 {0} 重新打分。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="346"/>
        <source>Nothing to fix against this profile: well done.</source>
        <translation>对照这个风格没有需要改的地方：讲得好。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="424"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="426"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_player.py" line="119"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/models.py" line="33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="34"/>
        <source>Talk</source>
        <translation>演讲</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="35"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="36"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="37"/>
        <source>wpm</source>
        <translation>词/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="38"/>
        <source>Figures/min</source>
        <translation>数字/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="39"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="41"/>
        <source>(no talk)</source>
        <translation>（无演讲）</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="77"/>
        <location filename="../../ui/models.py" line="226"/>
        <source>Session {0}</source>
        <translation>会话 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="225"/>
        <source>{0}: {1}, profile {2}</source>
        <translation>{0}：{1}，风格档案 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="241"/>
        <source>best {0}</source>
        <translation>最高 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="252"/>
        <source>{0} attempts at {1}</source>
        <translation>{1}：练了 {0} 次</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="254"/>
        <source>no named talk</source>
        <translation>未命名的演讲</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/pages/history.py" line="46"/>
        <source>All talks</source>
        <translation>全部演讲</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="68"/>
        <source>Search titles and words said…</source>
        <translation>搜索标题和说过的话…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="78"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="120"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="122"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="124"/>
        <location filename="../../ui/pages/history.py" line="173"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="126"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="128"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="131"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="134"/>
        <source>Score every recording and script in a folder</source>
        <translation>为文件夹里的每个录音和讲稿打分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="159"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="172"/>
        <source>Progress</source>
        <translation>进步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="252"/>
        <source>{0} of {1} in the trash</source>
        <translation>回收站：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="254"/>
        <source>{0} of {1} sessions</source>
        <translation>会话：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="347"/>
        <source>renaming the session</source>
        <translation>重命名会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="353"/>
        <source>moving the session</source>
        <translation>移动会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="393"/>
        <source>deleting</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="403"/>
        <source>Moved {0} session{1} to the trash (kept 30 days).</source>
        <translation>已将 {0} 次会话移到回收站（保留 30 天）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="415"/>
        <location filename="../../ui/pages/history.py" line="427"/>
        <source>restoring</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="453"/>
        <source>Import a folder of talks</source>
        <translation>导入演讲文件夹</translation>
    </message>
</context>
<context>
    <name>ImportAudio</name>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="198"/>
        <location filename="../../ui/pages/import_audio.py" line="254"/>
        <source>Transcribing {0}…</source>
        <translation>正在转写 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="204"/>
        <source>Import audio</source>
        <translation>导入音频</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="213"/>
        <source>Transcribing {0}… ({1})</source>
        <translation>正在转写 {0}…（{1}）</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="62"/>
        <source>Import a recording</source>
        <translation>导入录音</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="67"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; will be transcribed and scored on this computer.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 将在这台电脑上转写并打分。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="84"/>
        <source>A new talk named after the file, or an earlier talk to compare with</source>
        <translation>以文件名命名的新演讲，或选一个以前的演讲来对比</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="90"/>
        <source>Talk</source>
        <translation>演讲</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="92"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="94"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="96"/>
        <source>The talk&apos;s saved script</source>
        <translation>该演讲保存的讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="98"/>
        <source>From a file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="100"/>
        <source>Only with a script does the feedback show script adherence</source>
        <translation>有讲稿时，反馈才会显示与讲稿的吻合度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="105"/>
        <source>Script</source>
        <translation>讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="115"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="136"/>
        <source>Script of this talk</source>
        <translation>这次演讲的讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="138"/>
        <source>Scripts (*.txt *.md)</source>
        <translation>讲稿（*.txt *.md）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/import_audio.py" line="150"/>
        <source>Script: {0}</source>
        <translation>讲稿：{0}</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <location filename="../../ui/widgets/language_box.py" line="18"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/language_box.py" line="19"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/language_box.py" line="33"/>
        <source>The language of this talk (auto: detected from the speech or the script)</source>
        <translation>这次演讲的语言（自动：根据语音或讲稿判断）</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets/level_meter.py" line="24"/>
        <location filename="../../ui/widgets/level_meter.py" line="44"/>
        <source>Microphone level: speak so the bar reaches the green zone</source>
        <translation>麦克风音量：说话时让音量条到达绿色区域</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/level_meter.py" line="42"/>
        <source>Microphone level: {0}</source>
        <translation>麦克风音量：{0}</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../ui/widgets/live_view.py" line="27"/>
        <location filename="../../ui/widgets/live_view.py" line="70"/>
        <source>Pace: —</source>
        <translation>语速：—</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/live_view.py" line="29"/>
        <location filename="../../ui/widgets/live_view.py" line="72"/>
        <source>Figures: 0</source>
        <translation>数字：0</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/live_view.py" line="40"/>
        <source>Your words appear here, one utterance at a time, as you speak.</source>
        <translation>你说的话会一句一句出现在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/live_view.py" line="87"/>
        <source>Figures: {0}</source>
        <translation>数字：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/live_view.py" line="100"/>
        <source>Pace: {0} ({1:.0f} {2})</source>
        <translation>语速：{0}（{1:.0f} {2}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Rehearse</source>
        <translation>排练</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>Script</source>
        <translation>讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Profiles</source>
        <translation>风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>&amp;Import audio…</source>
        <translation>导入音频(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Record</source>
        <translation>录音(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Pause / Resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Stop and analyse</source>
        <translation>停止并分析(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>&amp;About Coach</source>
        <translation>关于 Coach(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Open a session&apos;s feedback first, then export it.</source>
        <translation>请先打开一次会话的反馈，再导出。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>Import a recording</source>
        <translation>导入录音</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="37"/>
        <source>Coach stopped during a recording ({0:.0f} s were saved to disk).</source>
        <translation>Coach 在录音中途停止了（已有 {0:.0f} 秒保存到磁盘）。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="41"/>
        <source>Recover it and analyse it now? Discard deletes it.</source>
        <translation>现在恢复并分析吗？“丢弃”会删除它。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="53"/>
        <source>A recording whose saving was interrupted was found ({0}).</source>
        <translation>找到一段保存时被中断的录音（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="56"/>
        <source>Analyse it now? Discard deletes it.</source>
        <translation>现在分析吗？“丢弃”会删除它。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="62"/>
        <location filename="../../ui/recovery_offer.py" line="100"/>
        <source>Recovered {0}</source>
        <translation>恢复的 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="74"/>
        <source>Recover recording</source>
        <translation>恢复录音</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="78"/>
        <source>Recover and analyse</source>
        <translation>恢复并分析</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="82"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_offer.py" line="85"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>Recording in progress</source>
        <translation>正在录音</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>A recording is running. Stop it and analyse it before quitting?</source>
        <translation>正在录音。要先停止并分析，再退出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Analysing; quit again once the feedback shows.</source>
        <translation>正在分析；反馈出来后再退出。</translation>
    </message>
</context>
<context>
    <name>Meanings</name>
    <message>
        <location filename="../../ui/i18n.py" line="58"/>
        <source>How often a concrete number backs up what you say.</source>
        <translation>多久用一个具体数字支撑你的说法。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>Concrete numbers per minute of talk.</source>
        <translation>每分钟讲出的具体数字。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="60"/>
        <source>The longest time the audience hears no number.</source>
        <translation>听众最长有多久听不到一个数字。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="61"/>
        <source>Share of figures followed by a short pause so they sink in.</source>
        <translation>说完后停顿一下、让人记住的数字所占比例。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="62"/>
        <source>Superlatives and jargon instead of proof.</source>
        <translation>用最高级和黑话代替证据。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="63"/>
        <source>Short sentences are easy to follow by ear.</source>
        <translation>短句听起来更容易懂。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64"/>
        <source>Share of sentences over 25 words.</source>
        <translation>超过 25 个词的句子所占比例。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65"/>
        <source>Higher is plainer; 60-80 is everyday speech.</source>
        <translation>越高越好懂；60–80 是日常说话的水平。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66"/>
        <source>Share of sentences that tell what happened to someone, when.</source>
        <translation>讲某人在某时发生了什么的句子所占比例。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67"/>
        <source>Honest questions you ask yourself or the audience.</source>
        <translation>你向自己或听众提出的真诚问题。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="68"/>
        <source>A crisis, a question or a figure in the first tenth.</source>
        <translation>开头十分之一里有危机、问题或数字。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="69"/>
        <source>Ending humbly or with a call forward, not a superlative.</source>
        <translation>谦虚收尾或指出下一步，而不是用最高级。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="70"/>
        <source>Um, uh, you know, basically, filler &apos;like&apos;.</source>
        <translation>嗯、呃、那个、就是、然后这类口头禅。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="71"/>
        <source>Phrases said twice in a row by accident.</source>
        <translation>不小心连说两遍的词句。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="72"/>
        <source>Words per minute from first to last word.</source>
        <translation>从第一个词到最后一个词，每分钟的词数。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="73"/>
        <source>Words per minute while actually speaking.</source>
        <translation>真正在说话时每分钟的词数。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="74"/>
        <source>How much your pace changes across the talk.</source>
        <translation>整场演讲中语速的变化幅度。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="75"/>
        <source>How much your voice rises and falls.</source>
        <translation>声音高低起伏的幅度。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="76"/>
        <source>Share of speaking windows with a flat voice.</source>
        <translation>声音平淡的时段所占比例。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="77"/>
        <source>Share of the talk spent in pauses of 0.3 s or more.</source>
        <translation>0.3 秒及以上的停顿占演讲时间的比例。</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="78"/>
        <source>Pauses over 1 s, per minute.</source>
        <translation>每分钟超过 1 秒的停顿。</translation>
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
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;This page is not available in this build.&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;{1}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;这个版本没有此页面。&lt;/p&gt;&lt;p style=&apos;color:gray&apos;&gt;{1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../ui/audio_backend.py" line="424"/>
        <source>No sound output could be opened ({0}).</source>
        <translation>无法打开声音输出（{0}）。</translation>
    </message>
</context>
<context>
    <name>PlayerMixin</name>
    <message>
        <location filename="../../ui/pages/feedback_player.py" line="89"/>
        <source>This session has no recording to play.</source>
        <translation>这次会话没有可播放的录音。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_player.py" line="97"/>
        <source>Playing from {0}</source>
        <translation>从 {0} 开始播放</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>Check the file plays in another program, or record the talk again.</source>
        <translation>请确认文件能在其他程序里播放，或重新录一遍。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>Choose another speech engine or model in Settings and try again.</source>
        <translation>请在设置里换一个语音识别引擎或模型，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>Check the disk has space and the data folder is writable, then try again.</source>
        <translation>请确认磁盘有空间、数据文件夹可写，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>Choose another folder or file name and export again.</source>
        <translation>请换一个文件夹或文件名，再导出一次。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>Install espeak-ng (or your system&apos;s speech voices) and try again.</source>
        <translation>请安装 espeak-ng（或系统自带的语音），然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>Fix what the message says and try again.</source>
        <translation>请按提示修正后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="109"/>
        <source>Something went wrong while {0} ({1}: {2}).</source>
        <translation>{0}时出错了（{1}：{2}）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="113"/>
        <source>Something went wrong ({0}: {1}).</source>
        <translation>出错了（{0}：{1}）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="119"/>
        <source>Your recordings are safe. Try again; if it keeps happening, send {0} to the developers.</source>
        <translation>你的录音是安全的。请重试；如果一直出现，请把 {0} 发给开发者。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="179"/>
        <source>Coach hit an unexpected error ({0}: {1}).</source>
        <translation>Coach 遇到意外错误（{0}：{1}）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="182"/>
        <source>Your recordings are safe. The details are logged in {0}; restart Coach if something stops responding.</source>
        <translation>你的录音是安全的。详情记录在 {0}；如果有地方没有反应，请重启 Coach。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="219"/>
        <source>importing the folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/class_table.py" line="328"/>
        <source>saving the class table</source>
        <translation>保存班级表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="373"/>
        <source>drawing the charts</source>
        <translation>绘制图表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="457"/>
        <source>exporting the PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback.py" line="501"/>
        <source>reading the script aloud</source>
        <translation>朗读讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="208"/>
        <source>scoring the session again</source>
        <translation>重新打分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="386"/>
        <source>building a profile</source>
        <translation>生成风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="417"/>
        <source>analysing the rehearsal</source>
        <translation>分析排练</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_strip.py" line="191"/>
        <source>measuring the slides</source>
        <translation>统计幻灯片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="291"/>
        <source>opening the slides</source>
        <translation>打开幻灯片</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="164"/>
        <source>Name of this profile</source>
        <translation>这个风格档案的名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="201"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="202"/>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="203"/>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="204"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="205"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="227"/>
        <source>comes with Coach (read-only: duplicate it to edit)</source>
        <translation>随 Coach 提供（只读：复制后可编辑）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="229"/>
        <source>is not saved yet</source>
        <translation>还没有保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="231"/>
        <source>is yours, saved in {0}</source>
        <translation>是你的，保存在 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="233"/>
        <source>Source: {0}
This profile {1}.</source>
        <translation>来源：{0}
这个风格档案{1}。</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <location filename="../../ui/pages/profiles.py" line="90"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="93"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="95"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="102"/>
        <source>&lt;b&gt;Profiles&lt;/b&gt;</source>
        <translation>&lt;b&gt;风格档案&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="108"/>
        <source>Save profile</source>
        <translation>保存风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="125"/>
        <source>Choose transcripts (.txt, .md) or recordings of a speaker you want to sound like. Coach measures each one the way it measures your rehearsals and proposes a target band around their figures (their range widened by 20 % of the average). Metrics that need a recording keep Lei Jun&apos;s band when you give only texts.</source>
        <translation>选择你想学习的演讲者的文字稿（.txt、.md）或录音。Coach 会像衡量你的排练一样衡量每一份，并围绕这些数值给出目标区间（在它们的范围上下各放宽平均值的 20%）。只给文字稿时，需要录音的指标沿用雷军风格的区间。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="135"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="137"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="141"/>
        <source>Name, e.g. My favourite keynote speaker</source>
        <translation>名称，例如：我最喜欢的演讲者</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="144"/>
        <source>Measure and propose</source>
        <translation>测量并给出建议</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="156"/>
        <source>Name of the new profile:</source>
        <translation>新风格档案的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="162"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="163"/>
        <source>Build from references</source>
        <translation>根据参考生成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="249"/>
        <source>A copy, not saved yet: edit bands and weights, then save.</source>
        <translation>这是副本，还没保存：调整区间和权重后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="277"/>
        <source>Saved “{0}” to {1}.</source>
        <translation>已把“{0}”保存到 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="292"/>
        <source>Delete profile</source>
        <translation>删除风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="293"/>
        <source>Delete the profile “{0}”?</source>
        <translation>删除风格档案“{0}”？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="342"/>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="364"/>
        <source>Proposed “{0}”: check the bands on the Targets tab and save to keep it.</source>
        <translation>已生成“{0}”：请在“目标”页检查区间，保存后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profiles.py" line="371"/>
        <source>Proposed from your references, not saved yet.</source>
        <translation>根据你的参考生成，还没保存。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="54"/>
        <source>Overall score</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="61"/>
        <location filename="../../ui/pages/history_panels.py" line="139"/>
        <source>Choose a talk or a session to see its progress.</source>
        <translation>选一个演讲或一次会话，查看进步情况。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="67"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="122"/>
        <source>The progress chart could not be drawn: {0}</source>
        <translation>无法绘制进步图：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="145"/>
        <source>“{0}”: {1} was not measured yet.</source>
        <translation>“{0}”：还没有测量过{1}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history_panels.py" line="153"/>
        <source>“{0}”, {1} attempts: {2} {3:.3g} → {4:.3g}{5}.</source>
        <translation>“{0}”，{1} 次练习：{2} {3:.3g} → {4:.3g}{5}。</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../../ui/recording.py" line="285"/>
        <source>No microphone was found.</source>
        <translation>没有找到麦克风。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="286"/>
        <source>Plug in a microphone (or allow Coach to use it in your system&apos;s privacy settings), then pick it in the list; or use File → Import audio….</source>
        <translation>请插上麦克风（或在系统隐私设置里允许 Coach 使用它），再从列表里选择；也可以用“文件 → 导入音频…”。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="401"/>
        <source>Install it, then start Coach again.</source>
        <translation>请安装后重新启动 Coach。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="405"/>
        <source>Coach could not open the microphone (it is busy, or access was denied).</source>
        <translation>Coach 无法打开麦克风（它正被占用，或访问被拒绝）。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="409"/>
        <source>Allow Coach to use the microphone in your system&apos;s privacy settings, close other programs that use it, then try again.</source>
        <translation>请在系统隐私设置里允许 Coach 使用麦克风，关闭其他正在使用它的程序，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="424"/>
        <location filename="../../ui/recording.py" line="429"/>
        <source>The microphone stopped delivering sound.</source>
        <translation>麦克风不再传来声音。</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="441"/>
        <source>Reconnect the microphone and pick it in the list, then record again</source>
        <translation>请重新连接麦克风并在列表里选中，然后再录</translation>
    </message>
    <message>
        <location filename="../../ui/recording.py" line="446"/>
        <source> or analyse what was kept.</source>
        <translation>，或分析已保留的部分。</translation>
    </message>
</context>
<context>
    <name>RehearsePage</name>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="98"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="111"/>
        <source>Talk</source>
        <translation>演讲</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="114"/>
        <source>Which talk is this? (e.g. Launch keynote)</source>
        <translation>这是哪场演讲？（例如：发布会主题演讲）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="125"/>
        <location filename="../../ui/pages/rehearse.py" line="449"/>
        <source>●  Record</source>
        <translation>●  录音</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="128"/>
        <source>Start recording (Ctrl+R)</source>
        <translation>开始录音（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="141"/>
        <location filename="../../ui/pages/rehearse.py" line="441"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="144"/>
        <source>Pause or resume (Ctrl+Space)</source>
        <translation>暂停或继续（Ctrl+Space）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="147"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="150"/>
        <source>Stop and get feedback (Ctrl+.)</source>
        <translation>停止并获取反馈（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="175"/>
        <location filename="../../ui/pages/rehearse.py" line="337"/>
        <location filename="../../ui/pages/rehearse.py" line="433"/>
        <source>Ready. Press Record (Ctrl+R) and start speaking.</source>
        <translation>准备好了。按“录音”（Ctrl+R）开始说话。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="213"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="370"/>
        <source>Finishing the transcript…</source>
        <translation>正在完成转写…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="372"/>
        <source>Analysing the rehearsal…</source>
        <translation>正在分析排练…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="377"/>
        <source>Rehearsal {0}</source>
        <translation>排练 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="401"/>
        <source>Saved. Press Record (Ctrl+R) to rehearse again.</source>
        <translation>已保存。按“录音”（Ctrl+R）再练一遍。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="414"/>
        <source>The rehearsal could not be analysed.</source>
        <translation>无法分析这次排练。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="431"/>
        <source>Recording… speak naturally.</source>
        <translation>正在录音… 自然地讲。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="432"/>
        <source>Paused. Press Resume (Ctrl+Space) to go on.</source>
        <translation>已暂停。按“继续”（Ctrl+Space）接着讲。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="434"/>
        <source>No microphone open.</source>
        <translation>没有打开麦克风。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="439"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="448"/>
        <source>●  Recording</source>
        <translation>●  正在录音</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="448"/>
        <source>❚❚  Paused</source>
        <translation>❚❚  已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rehearse.py" line="449"/>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
</context>
<context>
    <name>RescoreBox</name>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="144"/>
        <source>Score this rehearsal against another speaking-style profile</source>
        <translation>用另一个风格档案给这次排练打分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="148"/>
        <source>Score again</source>
        <translation>重新打分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_panels.py" line="152"/>
        <source>Profile:</source>
        <translation>风格档案：</translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message>
        <location filename="../../ui/pages/script.py" line="47"/>
        <source>Hype</source>
        <translation>夸大</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="48"/>
        <source>Jargon</source>
        <translation>黑话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="49"/>
        <source>Filler</source>
        <translation>口头禅</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="50"/>
        <source>Long sentence</source>
        <translation>长句</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="51"/>
        <source>Question</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="52"/>
        <source>Story line</source>
        <translation>故事句</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="53"/>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="54"/>
        <source>Number desert</source>
        <translation>数字荒漠</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="59"/>
        <source>Write or paste your talk here, or open a .txt or .md file.

As you type, Coach underlines hype and jargon (hover for a plainer way to say it), shades long stretches without a number, marks long sentences, counts your questions and story lines, and projects how long the talk will take.</source>
        <translation>在这里写下或粘贴你的讲稿，也可以打开 .txt 或 .md 文件。

你输入时，Coach 会给夸大的词和黑话加下划线（鼠标移上去可看更朴实的说法），给长时间没有数字的段落加底色，标出长句，统计提问和故事句，并估算讲完要多久。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="224"/>
        <source>Talk:</source>
        <translation>演讲：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="230"/>
        <source>Name of the talk, e.g. Launch keynote</source>
        <translation>演讲名称，例如：发布会主题演讲</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="235"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="237"/>
        <source>Save with talk</source>
        <translation>随演讲保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="239"/>
        <source>Rehearse this script</source>
        <translation>排练这份讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="257"/>
        <source>Projected length</source>
        <translation>预计时长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="258"/>
        <source>Words</source>
        <translation>词数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="259"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="260"/>
        <source>Questions</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="261"/>
        <source>Story lines</source>
        <translation>故事句</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="262"/>
        <source>Hype and jargon</source>
        <translation>夸大和黑话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="263"/>
        <source>Long sentences</source>
        <translation>长句</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="264"/>
        <source>Number deserts</source>
        <translation>数字荒漠</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="265"/>
        <source>Match (text only)</source>
        <translation>匹配度（仅文字）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="276"/>
        <source>&lt;p style=&apos;line-height:140%&apos;&gt;&lt;span style=&apos;text-decoration: underline wavy #c53030&apos;&gt;hype / jargon&lt;/span&gt; (hover for advice)&lt;br&gt;&lt;span style=&apos;background:#d5eddf; color:#1f2933&apos;&gt;&lt;b&gt;figure&lt;/b&gt;&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;background:#f8e3d6; color:#1f2933&apos;&gt;number desert&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;background:#fff3c4; color:#1f2933&apos;&gt;long sentence&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:#2f5d8a; text-decoration: underline&apos;&gt;question&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:#6b46c1&apos;&gt;story line&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;line-height:140%&apos;&gt;&lt;span style=&apos;text-decoration: underline wavy #c53030&apos;&gt;夸大 / 黑话&lt;/span&gt;（鼠标移上去看建议）&lt;br&gt;&lt;span style=&apos;background:#d5eddf; color:#1f2933&apos;&gt;&lt;b&gt;数字&lt;/b&gt;&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;background:#f8e3d6; color:#1f2933&apos;&gt;数字荒漠&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;background:#fff3c4; color:#1f2933&apos;&gt;长句&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:#2f5d8a; text-decoration: underline&apos;&gt;提问&lt;/span&gt;&lt;br&gt;&lt;span style=&apos;color:#6b46c1&apos;&gt;故事句&lt;/span&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="375"/>
        <source>Could not check the script: {0}</source>
        <translation>无法检查讲稿：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="385"/>
        <source>{0} at {1:.0f} wpm</source>
        <translation>{0}（每分钟 {1:.0f} 词）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="399"/>
        <source>Match with {0} for what a script can show; pace, pauses and voice come from the rehearsal.</source>
        <translation>讲稿能体现的部分与 {0} 的匹配度；语速、停顿和声音要看排练。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="433"/>
        <source>No saved script for “{0}” yet: write one and save it.</source>
        <translation>“{0}”还没有保存的讲稿：写一份并保存吧。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="437"/>
        <source>Opened the script of “{0}”.</source>
        <translation>已打开“{0}”的讲稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="459"/>
        <source>Open a script</source>
        <translation>打开讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="461"/>
        <source>Scripts (*.txt *.md *.markdown);;All files (*)</source>
        <translation>讲稿（*.txt *.md *.markdown）;;所有文件（*）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="477"/>
        <source>Opened {0}.</source>
        <translation>已打开 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="494"/>
        <source>Saved with “{0}”.</source>
        <translation>已随“{0}”保存。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings.py" line="48"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="49"/>
        <source>The input to record from; empty means the system&apos;s default microphone.</source>
        <translation>录音用的输入设备；留空表示系统默认麦克风。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="50"/>
        <source>Speech engine</source>
        <translation>语音识别引擎</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="51"/>
        <source>Whisper and Sphinx run on this computer; your audio never leaves it.</source>
        <translation>Whisper 和 Sphinx 都在这台电脑上运行；你的音频不会离开它。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="53"/>
        <source>Allow the online engine</source>
        <translation>允许在线引擎</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="54"/>
        <source>You agreed that recordings may be sent to an online speech service.</source>
        <translation>你已同意录音可以发送到在线语音服务。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="55"/>
        <source>Whisper model</source>
        <translation>Whisper 模型</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="56"/>
        <source>base is accurate, tiny.en is faster; &apos;folder&apos; uses the model folder below.</source>
        <translation>base 更准，tiny.en 更快；“模型文件夹”使用下面的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="58"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="59"/>
        <source>A faster-whisper model folder (with model.bin) for a bigger Whisper model.</source>
        <translation>faster-whisper 模型文件夹（含 model.bin），用于更大的 Whisper 模型。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="60"/>
        <source>Default profile</source>
        <translation>默认风格档案</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="61"/>
        <source>The speaking style new rehearsals are compared with.</source>
        <translation>新排练要对照的演讲风格。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="62"/>
        <source>Talk language</source>
        <translation>演讲语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="63"/>
        <source>The language new talks are given in; auto detects it from the speech or the script.</source>
        <translation>新演讲使用的语言；自动会根据语音或讲稿判断。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="65"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="65"/>
        <source>Colours of the app.</source>
        <translation>应用的配色。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="67"/>
        <source>Script pace (wpm)</source>
        <translation>讲稿语速（词/分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="68"/>
        <source>Pace used to project a script&apos;s duration; 0 means the profile&apos;s target pace.</source>
        <translation>用来估算讲稿时长的语速；0 表示用风格档案的目标语速。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="36"/>
        <source>Whisper (offline, accurate)</source>
        <translation>Whisper（离线，准确）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="37"/>
        <source>Sphinx (offline, fast, rough)</source>
        <translation>Sphinx（离线，快，粗略）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="40"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="41"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="42"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="45"/>
        <source>Auto (from the speech or the script)</source>
        <translation>自动（根据语音或讲稿）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="46"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="50"/>
        <source>base (bundled, accurate)</source>
        <translation>base（自带，准确）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="51"/>
        <source>tiny.en (bundled, faster)</source>
        <translation>tiny.en（自带，更快）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="52"/>
        <source>From the model folder</source>
        <translation>来自模型文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="142"/>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="172"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="176"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="178"/>
        <source>Sessions, recordings, scripts and your profiles live here. Set COACH_HOME before starting Coach to use another folder.</source>
        <translation>会话、录音、讲稿和你的风格档案都存在这里。启动 Coach 前设置 COACH_HOME 可改用别的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="202"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="207"/>
        <source>{0} (not connected)</source>
        <translation>{0}（未连接）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="221"/>
        <location filename="../../ui/pages/settings_page.py" line="283"/>
        <source>{0} (missing)</source>
        <translation>{0}（不存在）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="232"/>
        <source>Folder with model.bin, e.g. a faster-whisper small model</source>
        <translation>含 model.bin 的文件夹，例如 faster-whisper small 模型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="237"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="262"/>
        <source>Profile&apos;s pace</source>
        <translation>风格档案的语速</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="294"/>
        <source>Whisper model folder</source>
        <translation>Whisper 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="326"/>
        <source>Send recordings over the internet?</source>
        <translation>要通过互联网发送录音吗？</translation>
    </message>
</context>
<context>
    <name>SlideCard</name>
    <message>
        <location filename="../../ui/widgets/slide_strip.py" line="95"/>
        <source>Play from {0}, when slide {1} came up</source>
        <translation>从 {0} 播放，也就是第 {1} 页幻灯片出现的时候</translation>
    </message>
</context>
<context>
    <name>SlidePanel</name>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="174"/>
        <source>Open slides…</source>
        <translation>打开幻灯片…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="176"/>
        <source>Show a PDF or PowerPoint deck while you rehearse</source>
        <translation>排练时显示 PDF 或 PowerPoint 幻灯片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="181"/>
        <source>Notes → script</source>
        <translation>备注 → 讲稿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="183"/>
        <source>Use the deck&apos;s speaker notes as the script (teleprompter)</source>
        <translation>把幻灯片的演讲者备注用作讲稿（提词器）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="190"/>
        <source>Rehearse with your slides (PDF or PowerPoint).</source>
        <translation>带着幻灯片排练（PDF 或 PowerPoint）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="262"/>
        <source>Open slides</source>
        <translation>打开幻灯片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="264"/>
        <source>Slides (*.pdf *.pptx);;PDF (*.pdf);;PowerPoint (*.pptx)</source>
        <translation>幻灯片（*.pdf *.pptx）;;PDF（*.pdf）;;PowerPoint（*.pptx）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="273"/>
        <source>Opening the slides…</source>
        <translation>正在打开幻灯片…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="287"/>
        <source>The slides could not be opened.</source>
        <translation>无法打开幻灯片。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="368"/>
        <source>&lt;b&gt;Next&lt;/b&gt;: {0}. {1}</source>
        <translation>&lt;b&gt;下一页&lt;/b&gt;：{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="375"/>
        <source>&lt;b&gt;Last slide&lt;/b&gt;</source>
        <translation>&lt;b&gt;最后一页&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SlideStrip</name>
    <message>
        <location filename="../../ui/widgets/slide_strip.py" line="194"/>
        <source>&lt;b&gt;Slides&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;幻灯片&lt;/b&gt;：{0}</translation>
    </message>
</context>
<context>
    <name>SlideView</name>
    <message>
        <location filename="../../ui/widgets/slide_view.py" line="447"/>
        <source>The speaker notes are the script now (teleprompter on the right).</source>
        <translation>演讲者备注现在就是讲稿（右侧提词器）。</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="86"/>
        <source>&lt;b&gt;Next time&lt;/b&gt;</source>
        <translation>&lt;b&gt;下次这样做&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="107"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="111"/>
        <source>Play this moment</source>
        <translation>播放这一刻</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="113"/>
        <source>Show these words</source>
        <translation>显示这些话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="153"/>
        <source>&lt;b&gt;Keep&lt;/b&gt; “{0}”{1}: {2}.</source>
        <translation>&lt;b&gt;保留&lt;/b&gt;“{0}”{1}：{2}。</translation>
    </message>
</context>
<context>
    <name>TargetRow</name>
    <message>
        <location filename="../../ui/pages/profile_form.py" line="101"/>
        <source>Source: </source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>TraitCard</name>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="205"/>
        <source> (target {0})</source>
        <translation>（目标 {0}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/feedback_report.py" line="218"/>
        <source>{0}: {1} (target {2}–{3}), score {4}. {5}</source>
        <translation>{0}：{1}（目标 {2}–{3}），得分 {4}。{5}</translation>
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
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="22"/>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="23"/>
        <source>Vague amount</source>
        <translation>模糊数量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="24"/>
        <source>Hype word</source>
        <translation>夸大的词</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="25"/>
        <source>Jargon</source>
        <translation>黑话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="26"/>
        <source>Filler</source>
        <translation>口头禅</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/transcript_view.py" line="27"/>
        <source>Question</source>
        <translation>提问</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/i18n.py" line="81"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="82"/>
        <source>/100 chars</source>
        <translation>/100字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="83"/>
        <source>/100 words</source>
        <translation>/100词</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="84"/>
        <source>/1000 chars</source>
        <translation>/1000字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>/1000 words</source>
        <translation>/1000词</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="86"/>
        <source>/min</source>
        <translation>/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87"/>
        <source>chars</source>
        <translation>字</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88"/>
        <source>chars/min</source>
        <translation>字/分钟</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="89"/>
        <source>of 1</source>
        <translation>/1</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="90"/>
        <source>of 3</source>
        <translation>/3</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="92"/>
        <source>semitones</source>
        <translation>个半音</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>wpm</source>
        <translation>词/分钟</translation>
    </message>
</context>
</TS>

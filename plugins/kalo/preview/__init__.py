"""The live preview of ``make devserver`` and ``make edit`` (``kalo.devserver``).

``site``: one Pelican run kept in memory and brought up to date file by file
(``kalo.live`` is the protocol generators follow); ``server``: the served folder over
HTTP, with the reload script, the events it listens to and the problems page. Nothing of
the preview is ever written into the site: the script is added to the responses only.
"""

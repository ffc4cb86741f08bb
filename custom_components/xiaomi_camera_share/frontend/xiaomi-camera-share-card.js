function e(e,t,i,s){var n,r=arguments.length,o=r<3?t:null===s?s=Object.getOwnPropertyDescriptor(t,i):s;if("object"==typeof Reflect&&"function"==typeof Reflect.decorate)o=Reflect.decorate(e,t,i,s);else for(var a=e.length-1;a>=0;a--)(n=e[a])&&(o=(r<3?n(o):r>3?n(t,i,o):n(t,i))||o);return r>3&&o&&Object.defineProperty(t,i,o),o}"function"==typeof SuppressedError&&SuppressedError;const t=globalThis,i=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,s=Symbol(),n=new WeakMap;let r=class{constructor(e,t,i){if(this._$cssResult$=!0,i!==s)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o;const t=this.t;if(i&&void 0===e){const i=void 0!==t&&1===t.length;i&&(e=n.get(t)),void 0===e&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),i&&n.set(t,e))}return e}toString(){return this.cssText}};const o=(e,...t)=>{const i=1===e.length?e[0]:t.reduce((t,i,s)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if("number"==typeof e)return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+e[s+1],e[0]);return new r(i,e,s)},a=i?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t="";for(const i of e.cssRules)t+=i.cssText;return(e=>new r("string"==typeof e?e:e+"",void 0,s))(t)})(e):e,{is:c,defineProperty:l,getOwnPropertyDescriptor:h,getOwnPropertyNames:d,getOwnPropertySymbols:u,getPrototypeOf:p}=Object,m=globalThis,f=m.trustedTypes,g=f?f.emptyScript:"",v=m.reactiveElementPolyfillSupport,y=(e,t)=>e,$={toAttribute(e,t){switch(t){case Boolean:e=e?g:null;break;case Object:case Array:e=null==e?e:JSON.stringify(e)}return e},fromAttribute(e,t){let i=e;switch(t){case Boolean:i=null!==e;break;case Number:i=null===e?null:Number(e);break;case Object:case Array:try{i=JSON.parse(e)}catch(e){i=null}}return i}},_=(e,t)=>!c(e,t),b={attribute:!0,type:String,converter:$,reflect:!1,useDefault:!1,hasChanged:_};Symbol.metadata??=Symbol("metadata"),m.litPropertyMetadata??=new WeakMap;let w=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=b){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){const i=Symbol(),s=this.getPropertyDescriptor(e,i,t);void 0!==s&&l(this.prototype,e,s)}}static getPropertyDescriptor(e,t,i){const{get:s,set:n}=h(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:s,set(t){const r=s?.call(this);n?.call(this,t),this.requestUpdate(e,r,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??b}static _$Ei(){if(this.hasOwnProperty(y("elementProperties")))return;const e=p(this);e.finalize(),void 0!==e.l&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(y("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y("properties"))){const e=this.properties,t=[...d(e),...u(e)];for(const i of t)this.createProperty(i,e[i])}const e=this[Symbol.metadata];if(null!==e){const t=litPropertyMetadata.get(e);if(void 0!==t)for(const[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=new Map;for(const[e,t]of this.elementProperties){const i=this._$Eu(e,t);void 0!==i&&this._$Eh.set(i,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const t=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const e of i)t.unshift(a(e))}else void 0!==e&&t.push(a(e));return t}static _$Eu(e,t){const i=t.attribute;return!1===i?void 0:"string"==typeof i?i:"string"==typeof e?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),void 0!==this.renderRoot&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,t=this.constructor.elementProperties;for(const i of t.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return((e,s)=>{if(i)e.adoptedStyleSheets=s.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(const i of s){const s=document.createElement("style"),n=t.litNonce;void 0!==n&&s.setAttribute("nonce",n),s.textContent=i.cssText,e.appendChild(s)}})(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,i){this._$AK(e,i)}_$ET(e,t){const i=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,i);if(void 0!==s&&!0===i.reflect){const n=(void 0!==i.converter?.toAttribute?i.converter:$).toAttribute(t,i.type);this._$Em=e,null==n?this.removeAttribute(s):this.setAttribute(s,n),this._$Em=null}}_$AK(e,t){const i=this.constructor,s=i._$Eh.get(e);if(void 0!==s&&this._$Em!==s){const e=i.getPropertyOptions(s),n="function"==typeof e.converter?{fromAttribute:e.converter}:void 0!==e.converter?.fromAttribute?e.converter:$;this._$Em=s;const r=n.fromAttribute(t,e.type);this[s]=r??this._$Ej?.get(s)??r,this._$Em=null}}requestUpdate(e,t,i,s=!1,n){if(void 0!==e){const r=this.constructor;if(!1===s&&(n=this[e]),i??=r.getPropertyOptions(e),!((i.hasChanged??_)(n,t)||i.useDefault&&i.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(r._$Eu(e,i))))return;this.C(e,t,i)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:i,reflect:s,wrapped:n},r){i&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,r??t??this[e]),!0!==n||void 0!==r)||(this._$AL.has(e)||(this.hasUpdated||i||(t=void 0),this._$AL.set(e,t)),!0===s&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}const e=this.scheduleUpdate();return null!=e&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}const e=this.constructor.elementProperties;if(e.size>0)for(const[t,i]of e){const{wrapped:e}=i,s=this[t];!0!==e||this._$AL.has(t)||void 0===s||this.C(t,void 0,i,s)}}let e=!1;const t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};w.elementStyles=[],w.shadowRootOptions={mode:"open"},w[y("elementProperties")]=new Map,w[y("finalized")]=new Map,v?.({ReactiveElement:w}),(m.reactiveElementVersions??=[]).push("2.1.2");const x=globalThis,A=e=>e,S=x.trustedTypes,E=S?S.createPolicy("lit-html",{createHTML:e=>e}):void 0,C="$lit$",k=`lit$${Math.random().toFixed(9).slice(2)}$`,T="?"+k,P=`<${T}>`,z=document,H=()=>z.createComment(""),O=e=>null===e||"object"!=typeof e&&"function"!=typeof e,M=Array.isArray,U="[ \t\n\f\r]",D=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,j=/-->/g,N=/>/g,R=RegExp(`>|${U}(?:([^\\s"'>=/]+)(${U}*=${U}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,"g"),I=/'/g,L=/"/g,F=/^(?:script|style|textarea|title)$/i,B=(e,...t)=>({_$litType$:1,strings:e,values:t}),q=Symbol.for("lit-noChange"),W=Symbol.for("lit-nothing"),V=new WeakMap,X=z.createTreeWalker(z,129);function Z(e,t){if(!M(e)||!e.hasOwnProperty("raw"))throw Error("invalid template strings array");return void 0!==E?E.createHTML(t):t}class K{constructor({strings:e,_$litType$:t},i){let s;this.parts=[];let n=0,r=0;const o=e.length-1,a=this.parts,[c,l]=((e,t)=>{const i=e.length-1,s=[];let n,r=2===t?"<svg>":3===t?"<math>":"",o=D;for(let t=0;t<i;t++){const i=e[t];let a,c,l=-1,h=0;for(;h<i.length&&(o.lastIndex=h,c=o.exec(i),null!==c);)h=o.lastIndex,o===D?"!--"===c[1]?o=j:void 0!==c[1]?o=N:void 0!==c[2]?(F.test(c[2])&&(n=RegExp("</"+c[2],"g")),o=R):void 0!==c[3]&&(o=R):o===R?">"===c[0]?(o=n??D,l=-1):void 0===c[1]?l=-2:(l=o.lastIndex-c[2].length,a=c[1],o=void 0===c[3]?R:'"'===c[3]?L:I):o===L||o===I?o=R:o===j||o===N?o=D:(o=R,n=void 0);const d=o===R&&e[t+1].startsWith("/>")?" ":"";r+=o===D?i+P:l>=0?(s.push(a),i.slice(0,l)+C+i.slice(l)+k+d):i+k+(-2===l?t:d)}return[Z(e,r+(e[i]||"<?>")+(2===t?"</svg>":3===t?"</math>":"")),s]})(e,t);if(this.el=K.createElement(c,i),X.currentNode=this.el.content,2===t||3===t){const e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;null!==(s=X.nextNode())&&a.length<o;){if(1===s.nodeType){if(s.hasAttributes())for(const e of s.getAttributeNames())if(e.endsWith(C)){const t=l[r++],i=s.getAttribute(e).split(k),o=/([.?@])?(.*)/.exec(t);a.push({type:1,index:n,name:o[2],strings:i,ctor:"."===o[1]?ee:"?"===o[1]?te:"@"===o[1]?ie:Y}),s.removeAttribute(e)}else e.startsWith(k)&&(a.push({type:6,index:n}),s.removeAttribute(e));if(F.test(s.tagName)){const e=s.textContent.split(k),t=e.length-1;if(t>0){s.textContent=S?S.emptyScript:"";for(let i=0;i<t;i++)s.append(e[i],H()),X.nextNode(),a.push({type:2,index:++n});s.append(e[t],H())}}}else if(8===s.nodeType)if(s.data===T)a.push({type:2,index:n});else{let e=-1;for(;-1!==(e=s.data.indexOf(k,e+1));)a.push({type:7,index:n}),e+=k.length-1}n++}}static createElement(e,t){const i=z.createElement("template");return i.innerHTML=e,i}}function J(e,t,i=e,s){if(t===q)return t;let n=void 0!==s?i._$Co?.[s]:i._$Cl;const r=O(t)?void 0:t._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),void 0===r?n=void 0:(n=new r(e),n._$AT(e,i,s)),void 0!==s?(i._$Co??=[])[s]=n:i._$Cl=n),void 0!==n&&(t=J(e,n._$AS(e,t.values),n,s)),t}class G{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:t},parts:i}=this._$AD,s=(e?.creationScope??z).importNode(t,!0);X.currentNode=s;let n=X.nextNode(),r=0,o=0,a=i[0];for(;void 0!==a;){if(r===a.index){let t;2===a.type?t=new Q(n,n.nextSibling,this,e):1===a.type?t=new a.ctor(n,a.name,a.strings,this,e):6===a.type&&(t=new se(n,this,e)),this._$AV.push(t),a=i[++o]}r!==a?.index&&(n=X.nextNode(),r++)}return X.currentNode=z,s}p(e){let t=0;for(const i of this._$AV)void 0!==i&&(void 0!==i.strings?(i._$AI(e,i,t),t+=i.strings.length-2):i._$AI(e[t])),t++}}class Q{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,i,s){this.type=2,this._$AH=W,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=i,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const t=this._$AM;return void 0!==t&&11===e?.nodeType&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=J(this,e,t),O(e)?e===W||null==e||""===e?(this._$AH!==W&&this._$AR(),this._$AH=W):e!==this._$AH&&e!==q&&this._(e):void 0!==e._$litType$?this.$(e):void 0!==e.nodeType?this.T(e):(e=>M(e)||"function"==typeof e?.[Symbol.iterator])(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==W&&O(this._$AH)?this._$AA.nextSibling.data=e:this.T(z.createTextNode(e)),this._$AH=e}$(e){const{values:t,_$litType$:i}=e,s="number"==typeof i?this._$AC(e):(void 0===i.el&&(i.el=K.createElement(Z(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===s)this._$AH.p(t);else{const e=new G(s,this),i=e.u(this.options);e.p(t),this.T(i),this._$AH=e}}_$AC(e){let t=V.get(e.strings);return void 0===t&&V.set(e.strings,t=new K(e)),t}k(e){M(this._$AH)||(this._$AH=[],this._$AR());const t=this._$AH;let i,s=0;for(const n of e)s===t.length?t.push(i=new Q(this.O(H()),this.O(H()),this,this.options)):i=t[s],i._$AI(n),s++;s<t.length&&(this._$AR(i&&i._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){const t=A(e).nextSibling;A(e).remove(),e=t}}setConnected(e){void 0===this._$AM&&(this._$Cv=e,this._$AP?.(e))}}class Y{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,i,s,n){this.type=1,this._$AH=W,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=n,i.length>2||""!==i[0]||""!==i[1]?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=W}_$AI(e,t=this,i,s){const n=this.strings;let r=!1;if(void 0===n)e=J(this,e,t,0),r=!O(e)||e!==this._$AH&&e!==q,r&&(this._$AH=e);else{const s=e;let o,a;for(e=n[0],o=0;o<n.length-1;o++)a=J(this,s[i+o],t,o),a===q&&(a=this._$AH[o]),r||=!O(a)||a!==this._$AH[o],a===W?e=W:e!==W&&(e+=(a??"")+n[o+1]),this._$AH[o]=a}r&&!s&&this.j(e)}j(e){e===W?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class ee extends Y{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===W?void 0:e}}class te extends Y{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==W)}}class ie extends Y{constructor(e,t,i,s,n){super(e,t,i,s,n),this.type=5}_$AI(e,t=this){if((e=J(this,e,t,0)??W)===q)return;const i=this._$AH,s=e===W&&i!==W||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,n=e!==W&&(i===W||s);s&&this.element.removeEventListener(this.name,this,i),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class se{constructor(e,t,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){J(this,e)}}const ne={I:Q},re=x.litHtmlPolyfillSupport;re?.(K,Q),(x.litHtmlVersions??=[]).push("3.3.3");const oe=globalThis;let ae=class extends w{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=((e,t,i)=>{const s=i?.renderBefore??t;let n=s._$litPart$;if(void 0===n){const e=i?.renderBefore??null;s._$litPart$=n=new Q(t.insertBefore(H(),e),e,void 0,i??{})}return n._$AI(e),n})(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return q}};ae._$litElement$=!0,ae.finalized=!0,oe.litElementHydrateSupport?.({LitElement:ae});const ce=oe.litElementPolyfillSupport;ce?.({LitElement:ae}),(oe.litElementVersions??=[]).push("4.2.2");const le={attribute:!0,type:String,converter:$,reflect:!1,hasChanged:_},he=(e=le,t,i)=>{const{kind:s,metadata:n}=i;let r=globalThis.litPropertyMetadata.get(n);if(void 0===r&&globalThis.litPropertyMetadata.set(n,r=new Map),"setter"===s&&((e=Object.create(e)).wrapped=!0),r.set(i.name,e),"accessor"===s){const{name:s}=i;return{set(i){const n=t.get.call(this);t.set.call(this,i),this.requestUpdate(s,n,e,!0,i)},init(t){return void 0!==t&&this.C(s,void 0,e,t),t}}}if("setter"===s){const{name:s}=i;return function(i){const n=this[s];t.call(this,i),this.requestUpdate(s,n,e,!0,i)}}throw Error("Unsupported decorator location: "+s)};function de(e){return(t,i)=>"object"==typeof i?he(e,t,i):((e,t,i)=>{const s=t.hasOwnProperty(i);return t.constructor.createProperty(i,e),s?Object.getOwnPropertyDescriptor(t,i):void 0})(e,t,i)}function ue(e){return de({...e,state:!0,attribute:!1})}const pe="xiaomi_camera_share",me={subscribe:`${pe}/subscribe`,history:`${pe}/history`,saveRecipient:`${pe}/recipients/save`};class fe extends Error{constructor(e,t={}){super(e),this.name="ServiceCallError",this.code=t.code,this.translationDomain=t.translationDomain,this.translationKey=t.translationKey,this.translationPlaceholders=t.translationPlaceholders??{}}static from(e){if(e instanceof fe)return e;if(e instanceof Error)return new fe(e.message);if("object"!=typeof e||null===e)return new fe(String(e));const t=e,i=e=>"string"==typeof e?e:void 0,s="object"==typeof t.translation_placeholders&&null!==t.translation_placeholders?Object.fromEntries(Object.entries(t.translation_placeholders).filter(e=>"string"==typeof e[1])):void 0;return new fe(i(t.message)??String(e),{code:i(t.code),translationDomain:i(t.translation_domain),translationKey:i(t.translation_key),translationPlaceholders:s})}}async function ge(e,t,i,s){try{return(await e.callService(pe,t,i,void 0,!0,s)).response}catch(e){throw fe.from(e)}}function ve(e,t=new Date){switch(e.kind){case"permanent":return{};case"hours":return{duration:{hours:e.hours}};case"until":return{duration:{seconds:Math.round((e.until.getTime()-t.getTime())/1e3)}}}}async function ye(e,t,i){const s=await e.callWS({type:me.history,limit:i,...void 0===t?{}:{before_id:t}});return{entries:s.entries,has_more:s.has_more??s.entries.length>=i}}async function $e(e,t){await e.callWS({type:me.saveRecipient,...t})}async function _e(e,t,i,s){const n=await ge(e,"lookup_recipient",{config_entry_id:t,recipient:i,region:s},!0);if(!n)throw new Error("lookup_recipient returned no response");return n}async function be(e,t){const i=function(e,t=new Date){const i={device_id:e.deviceIds,recipient:e.recipient,permission:e.permission,...ve(e.duration,t)};return e.autoAccept&&(i.auto_accept=!0),i}(t);return await ge(e,"share",i,!0)??{results:[],invite_regions:null}}async function we(e,t,i){await ge(e,"revoke",{device_id:[t],recipient:i},!1)}async function xe(e,t,i,s){const n={device_id:[t],recipient:i,...ve(s)};await ge(e,"set_expiry",n,!1)}async function Ae(e,t,i,s){const n=s?"accept_invite":"decline_invite";await ge(e,n,{config_entry_id:t,invite_id:i},!1)}const Se=new WeakMap;function Ee(e,t){let i=Se.get(e.connection);if(!i){const t={listeners:new Set,unsubscribe:Promise.resolve(void 0)};t.unsubscribe=function(e){return e.connection.subscribeMessage(e=>{t.latest=e,t.error=void 0;for(const i of t.listeners)i({document:e})},{type:me.subscribe})}(e).catch(i=>{t.error=function(e){return e&&"object"==typeof e&&"code"in e?String(e.code):e instanceof Error?e.message:String(e)}(i);for(const e of t.listeners)e({error:t.error});Se.delete(e.connection)}),Se.set(e.connection,t),i=t}const s=i;return s.listeners.add(t),s.latest?t({document:s.latest}):s.error&&t({error:s.error}),()=>{!s.listeners.delete(t)||s.listeners.size>0||(Se.get(e.connection)===s&&Se.delete(e.connection),s.unsubscribe.then(e=>e?.()).catch(()=>{}))}}class Ce{constructor(e){this.host=e,this.connected=!1,e.addController(this)}setHass(e){const t=this.hass?.connection!==e.connection;this.hass=e,t&&this.connected&&this.start()}hostConnected(){this.connected=!0,this.start()}hostDisconnected(){this.connected=!1,this.stop?.(),this.stop=void 0}start(){this.stop?.(),this.stop=void 0,this.hass&&(this.stop=Ee(this.hass,({document:e,error:t})=>{this.document=e??this.document,this.error=t,this.host.requestUpdate()}))}}function ke(e,t,i){e.dispatchEvent(new CustomEvent(t,{detail:i,bubbles:!0,composed:!0}))}const Te=["more-info","navigate","perform-action","none"],Pe=new Set([...Te,"toggle","url","call-service","assist","fire-dom-event"]),ze={action:"more-info"};function He(e){return void 0!==e&&"none"!==e.action}function Oe(e,t){return He(e)&&("more-info"!==e.action||Boolean(e.entity??t))}const Me="xiaomi-camera-share-card",Ue=["tap","always","never"],De=["cameras","invites","history"],je=["tap_action","hold_action","double_tap_action"],Ne=2,Re=6;class Ie extends Error{}function Le(e){if(!e||"object"!=typeof e||Array.isArray(e))throw new Ie("the configuration must be a mapping");const t=e,i=new Set(["type","title","cameras","columns","live","sections",...je,"view_layout","grid_options","visibility"]),s=Object.keys(t).filter(e=>!i.has(e));if(s.length)throw new Ie(`unknown option ${s.map(e=>`"${e}"`).join(", ")}`);if("string"!=typeof t.type)throw new Ie('"type" is required');if(void 0!==t.title&&"string"!=typeof t.title)throw new Ie('"title" must be text');if(void 0!==t.cameras&&(n=t.cameras,!Array.isArray(n)||!n.every(e=>"string"==typeof e&&e.length>0)))throw new Ie('"cameras" must be a list of camera ids or camera entities');var n;const r=t.columns??2;if("number"!=typeof r||!Number.isInteger(r)||r<1||r>6)throw new Ie('"columns" must be a whole number from 1 to 6');const o=t.live??"tap";if(!Ue.includes(o))throw new Ie(`"live" must be one of ${Ue.join(", ")}`);const a=t.sections??[...De];if(!Array.isArray(a)||!a.every(e=>De.includes(e)))throw new Ie(`"sections" may list ${De.join(", ")}`);if(0===a.length)throw new Ie('"sections" must list at least one section');for(const e of je){const i=t[e];if(!(void 0===i||i&&"object"==typeof i&&Pe.has(i.action)))throw new Ie(`"${e}" must be an action such as {action: more-info}`)}return{...t,type:t.type,columns:r,live:o,sections:a,...t.cameras?{cameras:t.cameras}:{}}}function Fe(e,t){return!!e.expires_at&&new Date(e.expires_at).getTime()-t.getTime()<=864e5}function Be(e){return e.owner?"not_owner":e.capabilities.can_share?e.device_id?void 0:"no_device":e.capabilities.reason??"model_not_shareable"}function qe(e,t){return t?.length?t.map(t=>e.find(e=>e.did===t||e.device_id===t||e.camera_entity===t)).filter(e=>void 0!==e):e}const We=o`
  :host {
    color: var(--primary-text-color, #212121);
  }
  .muted {
    color: var(--secondary-text-color, #727272);
  }
  p {
    margin: 0;
  }
`,Ve=o`
  ha-list-item-base {
    --ha-row-item-padding-inline: 0;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
  }
  ha-list-item-base:last-child {
    border-bottom: none;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 4px;
  }
`,Xe={"card.name":"Xiaomi Camera Share","card.description":"Your Xiaomi cameras in a grid: share them, see who has access, answer invites.","card.loading":"Loading cameras…","card.not_configured":"No Xiaomi account is set up yet. Add the Xiaomi Camera Share integration first.","card.not_admin":"Only Home Assistant administrators can manage camera sharing.","card.unavailable":"Xiaomi Camera Share is not loaded ({error}).","card.empty":"No cameras found in the configured Xiaomi accounts.","card.offline":"The Xiaomi cloud cannot be reached for {account}. Showing the last known state.","card.part_failed":"Part of the card could not be loaded. Reload the page (after an update, the browser may still hold an old copy).","card.auth_failed":"{account} must sign in again (Settings → Devices & services).","tab.cameras":"Cameras","tab.invites":"Invites","tab.history":"History","tile.online":"Online","tile.offline":"Offline","tile.no_access":"Not shared","tile.accepted":"{count} with access","tile.pending":"{count} pending","tile.expiring":"{count} expiring soon","tile.shared_by":"Shared by {name}","tile.no_entity":"No camera entity linked","tile.share":"Share","tile.manage":"Manage access","tile.live":"Show live view of {name}","tile.open":"Open {name}","tile.play":"Play {name} here","tile.stop":"Stop the live view of {name}","reason.not_owner":"This camera was shared with you; only its owner can share it.","reason.model_not_shareable":"This camera model cannot be shared.","reason.sharee_limit":"This camera is already shared with as many people as it allows.","reason.no_device":"This camera is not linked to a Home Assistant device yet.","share.title":"Share {name}","share.recipient_kind":"Share with","share.kind.xiaomi_id":"Xiaomi ID","share.kind.phone":"Phone number","share.kind.saved":"Saved recipient","share.kind.account":"Account in Home Assistant","share.recipient":"Recipient","share.no_saved":"No saved recipients yet.","share.no_accounts":"No other account is configured here.","share.lookup":"Look up","share.found":"Found {nickname} ({user_id})","share.save_name":"Save as recipient named","share.save":"Save","share.saved":"Saved as “{name}”.","share.save_failed":"Could not save the recipient.","share.lookup_failed":"Nobody was found for this recipient.","share.permission":"Permission","share.permission.view_only":"View only","share.permission.control":"View and control","share.view_only_unavailable":"This model offers no view-only sharing; recipients can also control it.","share.duration":"Duration","share.duration.permanent":"Permanent","share.duration.1h":"1 hour","share.duration.4h":"4 hours","share.duration.1d":"1 day","share.duration.1w":"1 week","share.duration.until":"Until…","share.until":"Share until","share.auto_accept":"Accept the invite on their side at once","share.region_warning":"{nickname} uses {their_region}, but this camera is in {camera_region}. The invite waits in {camera_region}: they must switch Mi Home to {camera_region} to see it.","share.send":"Share","share.result.invited":"Invite sent to {nickname}.","share.result.shared":"Shared with {nickname}.","share.result.error":"Sharing failed: {error}","share.result.invite_regions":"Invites only arrive when the recipient's Mi Home app uses the same region: {regions}","share.unavailable":"This camera cannot be shared","dialog.close":"Close","dialog.cancel":"Cancel","manage.title":"Access to {name}","manage.empty":"Nobody else has access to this camera.","manage.status.accepted":"Has access","manage.status.pending":"Invite pending","manage.since":"Since {time}","manage.expires":"Expires {relative}","manage.permanent":"Permanent","manage.revoke":"Revoke","manage.revoke_label":"Revoke access of {name}","manage.extend_label":"Extend access of {name}","manage.extend.1h":"+1 hour","manage.extend.1d":"+1 day","manage.extend.1w":"+1 week","manage.extend.permanent":"Make permanent","invites.empty":"No invites are waiting.","invites.from":"From {name}","invites.expires":"Expires {relative}","invites.expired":"Expired","invites.waits_in":"Waits in {region}","invites.region_not_used":"This account does not use {region}; the invite would stay invisible in Mi Home.","invites.accept":"Accept","invites.decline":"Decline","invites.accept_label":"Accept {camera} from {name}","invites.decline_label":"Decline {camera} from {name}","history.empty":"Nothing has happened yet.","history.more":"Load older entries","history.invite_sent":"Invited {nickname} to {camera}","history.share_accepted":"{nickname} accepted {camera}","history.share_declined":"{nickname} declined {camera}","history.share_revoked":"Revoked {camera} from {nickname}","history.share_expired":"Share of {camera} with {nickname} expired","history.invite_received":"{nickname} invited you to {camera}","history.invite_accepted":"Accepted {camera} from {nickname}","history.invite_declined":"Declined {camera} from {nickname}","history.action_failed":"An action on {camera} failed: {message}","history.someone":"someone","history.a_camera":"a camera","permission.view_only":"View only","permission.control":"Control","region.cn":"Mainland China","region.de":"Europe","region.us":"United States","region.ru":"Russia","region.sg":"Singapore","region.i2":"India","list.separator":", ","editor.title":"Title","editor.columns":"Columns","editor.live":"Live view","editor.live.tap":"Still images, a play button on each tile","editor.live.always":"Always","editor.live.never":"Never (still images only)","editor.sections":"Sections","editor.cameras_helper":"None selected: every camera of every account.","editor.not_found":"Not among the cameras of the configured accounts: {ids}","editor.cameras":"Cameras","error.config":"Invalid configuration: {detail}","service_error.recipient_region_mismatch":"{person} ({account}) does not use the region {region}, where {camera} lives, so the invite would never arrive. Add {region} to that account's regions (reconfigure it) and switch its Mi Home app to {region}, then share again."},Ze={"zh-Hans":async()=>(await(import("./xcs-zh-Hans-vQ9j8dzj.js"))).zhHans,"zh-Hant":async()=>(await(import("./xcs-zh-Hant-BiK4rA2N.js"))).zhHant},Ke={},Je={};function Ge(e){const t=(e??"en").toLowerCase();return"zh-hant"===t||"zh-tw"===t||"zh-hk"===t||"zh-mo"===t?"zh-Hant":t.startsWith("zh")?"zh-Hans":void 0}function Qe(e){const t=Ge(e);return!t||void 0!==Ke[t]}function Ye(e){const t=Ge(e);return!t||Ke[t]?Promise.resolve():Je[t]??=Ze[t]().then(e=>{Ke[t]=e},()=>{delete Je[t]})}function et(e){return e?.locale?.language??e?.language??"en"}function tt(e,t=String){const{strings:i}=function(e){const t=Ge(e),i=t&&Ke[t];return t&&i?{strings:i,tag:t}:{strings:Xe,tag:t?"en":e??"en"}}(e);return(e,s)=>{const n=i[e]??Xe[e];return s?n.replace(/\{(\w+)\}/g,(e,i)=>{const n=s[i];return void 0===n?e:"number"==typeof n?t(n):n}):n}}const it=Intl.DateTimeFormat().resolvedOptions().timeZone,st=[["day",864e5],["hour",36e5],["minute",6e4]],nt={comma_decimal:"en-US",decimal_comma:"de",space_comma:"fr",quote_decimal:"de-CH",system:void 0};function rt(e){if("12"===e)return"h12";if("24"===e)return"h23";if("system"===e){const e=new Intl.DateTimeFormat(void 0,{hour:"numeric"}).resolvedOptions().hourCycle;return"h11"===e||"h12"===e?"h12":"h23"}}const ot=new Map;function at(e){const t=e?.locale,i=t?.language??e?.language??"en",s=e?.config?.time_zone,n="server"===t?.time_zone&&s?s:it,r=[i,t?.number_format,t?.time_format,n].join("|");let o=ot.get(r);return o||(o=function(e,t,i,s){const n=t&&t in nt?nt[t]:e,r=new Intl.NumberFormat(n),o=new Intl.DateTimeFormat(e,{dateStyle:"medium",timeStyle:"short",hourCycle:rt(i),timeZone:s}),a=new Intl.RelativeTimeFormat(e,{numeric:"auto"}),c=new Intl.DateTimeFormat("en-US",{timeZone:s,hourCycle:"h23",year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",second:"2-digit"}),l=e=>Object.fromEntries(c.formatToParts(e).map(e=>[e.type,e.value])),h=e=>{const t=l(e);return Date.UTC(+t.year,+t.month-1,+t.day,+t.hour,+t.minute,+t.second)-e.getTime()};return{timeZone:s,number:e=>"none"===t?String(e):r.format(e),dateTime:e=>o.format(e),relative(e,t){const i=e.getTime()-t.getTime();for(const[e,t]of st)if(Math.abs(i)>=t||"minute"===e)return a.format(Math.round(i/t),e);return a.format(0,"minute")},wallTime(e){const t=l(e);return`${t.year}-${t.month}-${t.day}T${t.hour}:${t.minute}`},fromWallTime(e){const t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(e);if(!t)return;const[,i,s,n,r,o]=t.map(Number),a=Date.UTC(i,s-1,n,r,o),c=a-h(new Date(a));return new Date(a-h(new Date(c)))}}}(i,t?.number_format,t?.time_format,n),ot.set(r,o)),o}const ct=["ha-alert","ha-button","ha-dialog","ha-dialog-footer","ha-form","ha-icon-button","ha-input","ha-list-base","ha-list-item-base","ha-radio-group","ha-radio-option","ha-select","ha-switch"],lt=e=>void 0!==customElements.get(e);function ht(e){return Promise.race([customElements.whenDefined(e),new Promise(e=>setTimeout(e,5e3))])}function dt(e){let t;return()=>t??=e().catch(()=>{})}const ut=dt(async()=>{const e=await(window.loadCardHelpers?.());e&&(e.createCardElement({type:"picture-glance",entities:[],camera_image:"camera.side_load"}),await ht("hui-image"))}),pt=dt(async()=>{const e=await(window.loadCardHelpers?.());if(e){if(!lt("ha-selector")){e.createCardElement({type:"entities",entities:[]}),await ht("hui-entities-card");const t=customElements.get("hui-entities-card");await(t?.getConfigElement?.()),await ht("ha-selector")}if(!lt("ha-radio-group")||!lt("ha-select")){const e=Object.assign(document.createElement("ha-selector"),{selector:{select:{mode:"list",options:[]}},hidden:!0});document.body.append(e),await ht("ha-radio-group"),e.remove()}await Promise.all(ct.map(ht))}});function mt(){return ct.every(lt)?Promise.resolve():pt()}function ft(e,t){customElements.get(e)||customElements.define(e,t)}let gt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,i){this._$Ct=e,this._$AM=t,this._$Ci=i}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};const{I:vt}=ne,yt=e=>e,$t=()=>document.createComment(""),_t=(e,t,i)=>{const s=e._$AA.parentNode,n=void 0===t?e._$AB:t._$AA;if(void 0===i){const t=s.insertBefore($t(),n),r=s.insertBefore($t(),n);i=new vt(t,r,e,e.options)}else{const t=i._$AB.nextSibling,r=i._$AM,o=r!==e;if(o){let t;i._$AQ?.(e),i._$AM=e,void 0!==i._$AP&&(t=e._$AU)!==r._$AU&&i._$AP(t)}if(t!==n||o){let e=i._$AA;for(;e!==t;){const t=yt(e).nextSibling;yt(s).insertBefore(e,n),e=t}}}return i},bt=(e,t,i=e)=>(e._$AI(t,i),e),wt={},xt=(e,t=wt)=>e._$AH=t,At=e=>{e._$AR(),e._$AA.remove()},St=(e,t,i)=>{const s=new Map;for(let n=t;n<=i;n++)s.set(e[n],n);return s},Et=(e=>(...t)=>({_$litDirective$:e,values:t}))(class extends gt{constructor(e){if(super(e),2!==e.type)throw Error("repeat() can only be used in text expressions")}dt(e,t,i){let s;void 0===i?i=t:void 0!==t&&(s=t);const n=[],r=[];let o=0;for(const t of e)n[o]=s?s(t,o):o,r[o]=i(t,o),o++;return{values:r,keys:n}}render(e,t,i){return this.dt(e,t,i).values}update(e,[t,i,s]){const n=(e=>e._$AH)(e),{values:r,keys:o}=this.dt(t,i,s);if(!Array.isArray(n))return this.ut=o,r;const a=this.ut??=[],c=[];let l,h,d=0,u=n.length-1,p=0,m=r.length-1;for(;d<=u&&p<=m;)if(null===n[d])d++;else if(null===n[u])u--;else if(a[d]===o[p])c[p]=bt(n[d],r[p]),d++,p++;else if(a[u]===o[m])c[m]=bt(n[u],r[m]),u--,m--;else if(a[d]===o[m])c[m]=bt(n[d],r[m]),_t(e,c[m+1],n[d]),d++,m--;else if(a[u]===o[p])c[p]=bt(n[u],r[p]),_t(e,n[d],n[u]),u--,p++;else if(void 0===l&&(l=St(o,p,m),h=St(a,d,u)),l.has(a[d]))if(l.has(a[u])){const t=h.get(o[p]),i=void 0!==t?n[t]:null;if(null===i){const t=_t(e,n[d]);bt(t,r[p]),c[p]=t}else c[p]=bt(i,r[p]),_t(e,n[d],i),n[t]=null;p++}else At(n[u]),u--;else At(n[d]),d++;for(;p<=m;){const t=_t(e,c[m+1]);bt(t,r[p]),c[p++]=t}for(;d<=u;){const e=n[d++];null!==e&&At(e)}return this.ut=o,xt(e,c),q}});class Ct{constructor(e){this.host=e,this.visible=!1,e.addController(this)}hostConnected(){this.observer=new IntersectionObserver(e=>{const t=e.some(e=>e.isIntersecting);t!==this.visible&&(this.visible=t,this.host.requestUpdate())}),this.observer.observe(this.host)}hostDisconnected(){this.observer?.disconnect(),this.observer=void 0,this.visible=!1}}class kt{constructor(e,t){this.act=e,this.options=t,this.held=!1,this.down=e=>{this.held=!1,0===e.button&&this.options().hold&&(this.holdTimer=window.setTimeout(()=>{this.held=!0,this.act("hold")},500))},this.up=()=>{window.clearTimeout(this.holdTimer)},this.click=()=>{if(!this.held)return this.options().doubleTap?void 0!==this.tapTimer?(window.clearTimeout(this.tapTimer),this.tapTimer=void 0,this.act("double_tap")):void(this.tapTimer=window.setTimeout(()=>{this.tapTimer=void 0,this.act("tap")},250)):this.act("tap");this.held=!1},this.key=e=>{"Enter"!==e.key&&" "!==e.key||(e.preventDefault(),this.act("tap"))},this.contextMenu=e=>{this.options().hold&&e.preventDefault()}}}class Tt extends ae{constructor(){super(...arguments),this.localize=tt("en"),this.live="tap",this.actions={},this.playing=!1,this.visibility=new Ct(this),this.gestures=new kt(e=>this.act(e),()=>({hold:He(this.actions.hold_action),doubleTap:He(this.actions.double_tap_action)}))}static{this.styles=[We,o`
      :host {
        display: flex;
        flex-direction: column;
        border-radius: var(--ha-border-radius-lg, 12px);
        overflow: hidden;
        background: var(--secondary-background-color, #f5f5f5);
        min-width: 0;
      }
      .frame {
        position: relative;
      }
      .media {
        aspect-ratio: 16 / 9;
        background: #000;
        color: #e0e0e0;
        display: block;
        outline: none;
      }
      .media[role="button"] {
        cursor: pointer;
      }
      .media:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
      }
      .media > * {
        width: 100%;
        height: 100%;
        display: block;
      }
      .placeholder {
        display: flex;
        align-items: center;
        justify-content: center;
        font-size: 0.9em;
      }
      .live {
        position: absolute;
        inset-inline-end: 4px;
        bottom: 4px;
        color: #fff;
        background: rgba(0, 0, 0, 0.55);
        border-radius: 50%;
      }
      .info {
        padding: var(--ha-space-2, 8px) var(--ha-space-3, 12px) var(--ha-space-3, 12px);
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .state::before {
        content: "";
        display: inline-block;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        margin-inline-end: 4px;
        background: var(--state-inactive-color, var(--disabled-color, #bdbdbd));
      }
      .state.online::before {
        background: var(--success-color, #43a047);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        font-size: 0.85em;
      }
      .chip {
        border-radius: 10px;
        padding: 1px 8px;
        background: var(--card-background-color, #fff);
      }
      .actions {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin-top: 4px;
      }
      .reason {
        font-size: 0.8em;
      }
    `]}get streaming(){return"always"===this.live||"tap"===this.live&&this.playing}get params(){const e=this.stateObj?this.camera.camera_entity??void 0:void 0;return e?{...this.actions,entity:e}:this.actions}act(e){const t=this.params;Oe(t[`${e}_action`],t.entity)&&function(e,t,i){ke(e,"hass-action",{config:t,action:i})}(this,t,e)}fire(e){this.dispatchEvent(new CustomEvent(e,{detail:{did:this.camera.did},bubbles:!0,composed:!0}))}render(){const e=this.camera,t=Be(e);return B`
      <div class="frame">${this.renderMedia()} ${this.renderPlay()}</div>
      <div class="info">
        <div class="name" title=${e.name}>${e.name}</div>
        <div class="state ${e.online?"online":"offline"}">
          ${this.localize(e.online?"tile.online":"tile.offline")}
          ${e.owner?B` · ${this.localize("tile.shared_by",{name:e.owner.nickname})}`:W}
        </div>
        ${this.renderAccess()}
        <div class="actions">
          <ha-button
            class="share"
            size="s"
            .disabled=${void 0!==t}
            @click=${()=>void 0===t&&this.fire("xcs-share")}
            >${this.localize("tile.share")}</ha-button
          >
          <ha-button
            class="manage"
            size="s"
            appearance="plain"
            .disabled=${null!=e.owner}
            @click=${()=>null==e.owner&&this.fire("xcs-manage")}
            >${this.localize("tile.manage")}</ha-button
          >
        </div>
        ${t?B`<div class="reason muted">${this.localize(`reason.${t}`)}</div>`:W}
      </div>
    `}renderAccess(){const e=function(e,t){let i=0,s=0,n=0;for(const r of e.sharees)"accepted"===r.status?i+=1:s+=1,Fe(r,t)&&(n+=1);return{accepted:i,pending:s,expiringSoon:n}}(this.camera,new Date),t=(e,t)=>B`<span class="chip ${e}">${t}</span>`;if(!e.accepted&&!e.pending)return B`<div class="chips">${t("none",this.localize("tile.no_access"))}</div>`;const{accepted:i,pending:s,expiringSoon:n}=e;return B`<div class="chips">
      ${i?t("accepted",this.localize("tile.accepted",{count:i})):W}
      ${s?t("pending",this.localize("tile.pending",{count:s})):W}
      ${n?t("expiring",this.localize("tile.expiring",{count:n})):W}
    </div>`}renderMedia(){const e=this.camera.camera_entity,t=this.params,i=["tap","hold","double_tap"].some(e=>Oe(t[`${e}_action`],t.entity)),s=this.renderPicture(),n=e&&this.stateObj?"":"placeholder";if(!i)return B`<div class="media ${n}">${s}</div>`;const r=this.localize("more-info"===t.tap_action?.action?"tile.live":"tile.open",{name:this.camera.name});return B`<div
      class="media ${n}"
      role="button"
      tabindex="0"
      aria-label=${r}
      @pointerdown=${this.gestures.down}
      @pointerup=${this.gestures.up}
      @pointercancel=${this.gestures.up}
      @pointerleave=${this.gestures.up}
      @click=${this.gestures.click}
      @contextmenu=${this.gestures.contextMenu}
      @keydown=${this.gestures.key}
    >
      ${s}
    </div>`}renderPicture(){const e=this.camera.camera_entity;return e&&this.stateObj?this.visibility.visible?this.streaming?B`<ha-camera-stream .hass=${this.hass} .stateObj=${this.stateObj} muted></ha-camera-stream>`:B`<hui-image
      .hass=${this.hass}
      .cameraImage=${e}
      .cameraView=${"auto"}
      fit-mode="cover"
    ></hui-image>`:B`<div class="offscreen"></div>`:this.localize("tile.no_entity")}renderPlay(){if("tap"!==this.live||!this.camera.camera_entity||!this.stateObj)return W;const e=this.camera.name;return B`<ha-icon-button
      class="live"
      .label=${this.localize(this.playing?"tile.stop":"tile.play",{name:e})}
      .path=${this.playing?"M18,18H6V6H18V18Z":"M8,5.14V19.14L19,12.14L8,5.14Z"}
      @click=${()=>this.playing=!this.playing}
    ></ha-icon-button>`}}e([de({attribute:!1})],Tt.prototype,"camera",void 0),e([de({attribute:!1})],Tt.prototype,"stateObj",void 0),e([de({attribute:!1})],Tt.prototype,"localize",void 0),e([de()],Tt.prototype,"live",void 0),e([de({attribute:!1})],Tt.prototype,"actions",void 0),e([ue()],Tt.prototype,"playing",void 0),ft("xcs-camera-tile",Tt);class Pt extends ae{constructor(){super(...arguments),this.cameras=[],this.entityStates={},this.columns=2,this.live="tap",this.localize=tt("en"),this.actions={}}static{this.styles=o`
    :host {
      display: grid;
      --xcs-gap: var(--ha-space-2, 8px);
      grid-template-columns: repeat(
        auto-fill,
        minmax(max(140px, (100% - (var(--xcs-columns) - 1) * var(--xcs-gap)) / var(--xcs-columns)), 1fr)
      );
      gap: var(--xcs-gap);
    }
  `}render(){return this.style.setProperty("--xcs-columns",String(this.columns)),B`${Et(this.cameras,e=>e.did,e=>B`<xcs-camera-tile
          role="listitem"
          .hass=${this.hass}
          .camera=${e}
          .stateObj=${e.camera_entity?this.entityStates[e.camera_entity]:void 0}
          .live=${this.live}
          .actions=${this.actions}
          .localize=${this.localize}
        ></xcs-camera-tile>`)}`}connectedCallback(){super.connectedCallback(),this.setAttribute("role","list")}}e([de({attribute:!1})],Pt.prototype,"cameras",void 0),e([de({attribute:!1})],Pt.prototype,"entityStates",void 0),e([de({type:Number})],Pt.prototype,"columns",void 0),e([de()],Pt.prototype,"live",void 0),e([de({attribute:!1})],Pt.prototype,"localize",void 0),e([de({attribute:!1})],Pt.prototype,"actions",void 0),ft("xcs-camera-grid",Pt);const zt=`${Me}-editor`,Ht={"xcs-invites-view":()=>import("./xcs-invites-view-Bd0qBJ9i.js"),"xcs-history-view":()=>import("./xcs-history-view-DfoPVngT.js"),"xcs-share-dialog":()=>import("./xcs-share-dialog-hNnP-r5V.js"),"xcs-manage-dialog":()=>import("./xcs-manage-dialog-KHeJyDL8.js")},Ot={invites:"xcs-invites-view",history:"xcs-history-view"},Mt={share:"xcs-share-dialog",manage:"xcs-manage-dialog"},Ut=new Map;function Dt(e){let t=Ut.get(e);return t||(t=Ht[e]().catch(t=>{throw Ut.delete(e),t}),Ut.set(e,t)),t}const jt=e=>void 0!==customElements.get(e);class Nt extends ae{constructor(){super(...arguments),this.tab="cameras",this.entityStates={},this.localize=tt("en"),this.format=at(void 0),this.loadingStrings=!1,this.partFailed=!1,this.stateController=new Ce(this),this.loads=new Set}static{this.styles=[We,o`
      ha-card {
        display: block;
        padding: var(--ha-space-4, 16px);
        color: var(--primary-text-color, #212121);
        background: var(--ha-card-background, var(--card-background-color, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
      }
      h1 {
        margin: 0 0 8px;
        font-size: var(--ha-card-header-font-size, 1.3em);
        font-weight: 400;
        color: var(--ha-card-header-color, var(--primary-text-color, #212121));
      }
      [role="tablist"] {
        display: flex;
        gap: 4px;
        margin-bottom: 12px;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      [role="tab"] {
        font: inherit;
        font-weight: 500;
        cursor: pointer;
        background: none;
        padding: 8px 12px;
        min-height: 40px;
        border: none;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"]:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
      }
      /* The line marks the tab; its text stays in the text colour, which keeps its contrast. */
      [role="tab"][aria-selected="true"] {
        color: var(--primary-text-color, #212121);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .banner {
        padding: 8px 12px;
        margin-bottom: 8px;
        border-radius: var(--ha-border-radius-md, 8px);
        background: var(--secondary-background-color, #f5f5f5);
        border-inline-start: 4px solid var(--warning-color, #ffa600);
      }
      .banner.error {
        border-inline-start-color: var(--error-color, #db4437);
        color: var(--primary-text-color, #212121);
      }
      .message {
        color: var(--secondary-text-color, #727272);
      }
      .message.error {
        color: var(--error-color, #db4437);
      }
    `]}static async getConfigElement(){return await(import("./xcs-card-editor-BEwRs5cq.js")),document.createElement(zt)}static getStubConfig(){return{type:`custom:${Me}`}}get hass(){return this.currentHass}set hass(e){const t=this.currentHass;this.currentHass=e,this.stateController.setHass(e),t||(lt("hui-image")?Promise.resolve():ut(),mt(),this.requestUpdate()),t&&t.locale===e.locale&&t.config?.time_zone===e.config?.time_zone||(this.format=at(e),this.useLanguage(et(e))),this.refreshEntityStates()}useLanguage(e){this.localize=tt(e,this.format.number),this.loadingStrings=!Qe(e),this.loadingStrings&&this.waitFor(Ye(e).then(()=>{et(this.currentHass)===e&&(this.localize=tt(e,this.format.number),this.loadingStrings=!1)}))}waitFor(e){const t=()=>this.loads.delete(e);this.loads.add(e),e.then(t,t)}async getUpdateComplete(){let e=await super.getUpdateComplete();for(;this.loads.size;)await Promise.allSettled([...this.loads]),e=await super.getUpdateComplete();return e}setConfig(e){try{this.config=Le(e)}catch(e){if(e instanceof Ie)throw new Error(tt(et(this.currentHass))("error.config",{detail:e.message}));throw e}this.config.sections.includes(this.tab)||(this.tab=this.config.sections[0]??"cameras"),this.refreshEntityStates()}getCardSize(){const e=this.shownCameras.length||1;return 1+4*Math.ceil(e/(this.config?.columns??2))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get shownCameras(){return qe(this.stateController.document?.cameras??[],this.config?.cameras)}refreshEntityStates(){const e=this.currentHass?.states;if(!e)return;const t={};let i=!1;for(const s of this.shownCameras){const n=s.camera_entity;n&&(t[n]=e[n],this.entityStates[n]!==t[n]&&(i=!0))}(i||Object.keys(t).length!==Object.keys(this.entityStates).length)&&(this.entityStates=t)}willUpdate(e){this.stateController.document!==this.seenDocument&&(this.seenDocument=this.stateController.document,this.refreshEntityStates()),e.has("tab")&&(this.partFailed=!1);const t=Ot[this.tab];!t||jt(t)||this.partFailed||this.waitFor(Dt(t).then(()=>this.requestUpdate(),()=>{this.partFailed=!0}))}render(){const e=this.config;return e?B`<ha-card>
      ${e.title?B`<h1>${e.title}</h1>`:W}
      ${this.loadingStrings?W:this.renderContent(e)}
    </ha-card>`:B``}renderContent(e){const t=this.localize,i=this.stateController.error;if(i){const e="unauthorized"===i?t("card.not_admin"):t("card.unavailable",{error:i});return B`<p class="message error" role="alert">${e}</p>`}const s=this.stateController.document;return s?s.accounts.length?B`${this.renderBanners(s)}
      ${this.partFailed?B`<div class="banner error part-failed" role="alert">${t("card.part_failed")}</div>`:W}
      ${this.renderTabs(e,s)}
      <div role="tabpanel" aria-labelledby="tab-${this.tab}">${this.renderSection(e,s)}</div>
      ${this.renderDialog(s)}`:B`<p class="message not-configured">${t("card.not_configured")}</p>`:B`<p class="message loading" role="status">${t("card.loading")}</p>`}renderBanners(e){return B`${e.accounts.filter(e=>"ok"!==e.status).map(e=>"offline"===e.status?B`<div class="banner offline" role="status">
              ${this.localize("card.offline",{account:e.nickname})}
            </div>`:B`<div class="banner error auth-failed" role="alert">
              ${this.localize("card.auth_failed",{account:e.nickname})}
            </div>`)}`}renderTabs(e,t){if(e.sections.length<2)return W;const i=t.invites.filter(e=>"pending"===e.status).length;return B`<div
      role="tablist"
      @keydown=${t=>this.onTabKey(t,e.sections)}
    >
      ${e.sections.map(e=>B`<button
            role="tab"
            id="tab-${e}"
            aria-selected=${e===this.tab?"true":"false"}
            tabindex=${e===this.tab?0:-1}
            @click=${()=>this.tab=e}
          >
            ${this.localize(`tab.${e}`)}${"invites"===e&&i?` (${this.format.number(i)})`:""}
          </button>`)}
    </div>`}async onTabKey(e,t){const i={ArrowRight:1,ArrowLeft:-1}[e.key];if(!i)return;e.preventDefault();const s=t.indexOf(this.tab);this.tab=t[(s+i+t.length)%t.length]??this.tab,await this.updateComplete,this.shadowRoot?.querySelector(`#tab-${this.tab}`)?.focus()}renderSection(e,t){const i=Ot[this.tab];if(i&&!jt(i))return B``;switch(this.tab){case"invites":return B`<xcs-invites-view
          .hass=${this.currentHass}
          .invites=${t.invites}
          .accounts=${t.accounts}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-invites-view>`;case"history":return B`<xcs-history-view
          .hass=${this.currentHass}
          .recent=${t.history}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-history-view>`;case"cameras":{const t=this.shownCameras;return t.length?B`<xcs-camera-grid
          .hass=${this.currentHass}
          .cameras=${t}
          .entityStates=${this.entityStates}
          .columns=${e.columns}
          .live=${e.live}
          .actions=${this.actions(e)}
          .localize=${this.localize}
          @xcs-share=${e=>this.openDialog("share",e.detail.did)}
          @xcs-manage=${e=>this.openDialog("manage",e.detail.did)}
        ></xcs-camera-grid>`:B`<p class="message empty">${this.localize("card.empty")}</p>`}}}actions(e){if(this.tileActions?.config!==e){const{tap_action:t=ze,hold_action:i,double_tap_action:s}=e,n={tap_action:t};i&&(n.hold_action=i),s&&(n.double_tap_action=s),this.tileActions={config:e,params:n}}return this.tileActions.params}async openDialog(e,t){const i=Promise.all([mt(),Dt(Mt[e])]);this.waitFor(i);try{await i}catch{return void(this.partFailed=!0)}this.partFailed=!1,this.dialog={kind:e,did:t}}renderDialog(e){const t=this.dialog,i=t&&e.cameras.find(e=>e.did===t.did);if(!t||!i)return W;const s=()=>{this.dialog=void 0};return"share"===t.kind?B`<xcs-share-dialog
        .hass=${this.currentHass}
        .camera=${i}
        .accounts=${e.accounts}
        .recipients=${e.recipients}
        .localize=${this.localize}
        .format=${this.format}
        @closed=${s}
      ></xcs-share-dialog>`:B`<xcs-manage-dialog
      .hass=${this.currentHass}
      .camera=${i}
      .localize=${this.localize}
      .format=${this.format}
      @closed=${s}
    ></xcs-manage-dialog>`}}e([ue()],Nt.prototype,"config",void 0),e([ue()],Nt.prototype,"tab",void 0),e([ue()],Nt.prototype,"dialog",void 0),e([ue()],Nt.prototype,"entityStates",void 0),e([ue()],Nt.prototype,"localize",void 0),e([ue()],Nt.prototype,"format",void 0),e([ue()],Nt.prototype,"loadingStrings",void 0),e([ue()],Nt.prototype,"partFailed",void 0),ft(Me,Nt),window.customCards??=[],window.customCards.some(e=>e.type===Me)||window.customCards.push(function(){const e=tt(navigator.language),t={type:Me,name:e("card.name"),description:e("card.description"),preview:!1,getEntitySuggestion:(e,t)=>t.startsWith("camera.")?{config:{type:`custom:${Me}`,cameras:[t]}}:null};return Qe(navigator.language)||Ye(navigator.language).then(()=>{const e=tt(navigator.language);t.name=e("card.name"),t.description=e("card.description")}),t}());export{W as A,ke as B,Me as C,Ht as CARD_PARTS,pe as D,qe as E,zt as EDITOR_TAG,Ne as F,Ue as L,Re as M,fe as S,Te as T,Nt as XiaomiCameraShareCard,e as _,o as a,Ae as b,B as c,ft as d,ye as e,at as f,_e as g,$e as h,ae as i,be as j,Be as k,Ve as l,tt as m,de as n,we as o,xe as p,De as q,ue as r,We as s,Ce as t,et as u,mt as v,Qe as w,Ye as x,Le as y,Ie as z};
